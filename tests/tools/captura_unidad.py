#!/usr/bin/python3
"""captura_unidad.py — plays a unit with its capture workbook (openpyxl), for
tests/cli/captura.sh:
  llenar LIBRO CSV             fill REAL and OBSERVACIONES from the flat CSV (by unit and code)
  poner LIBRO CELDA VALOR      write VALOR into Captura!CELDA (a number when it reads as one)
  borrar_fila LIBRO CODIGO     remove the activity's row, as a unit deleting it
  inspeccionar LIBRO           print what protects and identifies the workbook (JSON)
"""
import csv
import json
import sys

import openpyxl


def ident(wb):
    ws = wb["poa_captura"]
    d = {}
    for row in ws.iter_rows(values_only=True):
        if row[0] == "actividad_id":
            break
        d[row[0]] = row[1]
    return d


def filas(ws):
    """code -> row number of each activity row (hidden id in column O)."""
    out = {}
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 15).value and str(ws.cell(r, 15).value).isdigit():
            out[ws.cell(r, 1).value] = r
    return out


def numero(t):
    t = t.strip()
    if t.endswith("%"):
        return float(t[:-1].strip()) / 100.0
    return float(t.replace(",", ""))


def llenar(libro, csvpath):
    wb = openpyxl.load_workbook(libro)
    unidad = ident(wb)["unidad"]
    ws = wb["Captura"]
    pos = filas(ws)
    n = 0
    with open(csvpath, newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            if rec["unidad"] != unidad or rec["actividad_codigo"] not in pos:
                continue
            r = pos[rec["actividad_codigo"]]
            if rec["real"].strip():
                ws.cell(r, 10).value = numero(rec["real"])
            if rec["observaciones"].strip():
                ws.cell(r, 13).value = rec["observaciones"]
            n += 1
    wb.save(libro)
    print(n)


def poner(libro, celda, valor):
    wb = openpyxl.load_workbook(libro)
    try:
        v = float(valor)
    except ValueError:
        v = valor
    wb["Captura"][celda].value = v
    wb.save(libro)


def borrar_fila(libro, codigo):
    wb = openpyxl.load_workbook(libro)
    ws = wb["Captura"]
    ws.delete_rows(filas(ws)[codigo])
    wb.save(libro)


def inspeccionar(libro):
    wb = openpyxl.load_workbook(libro)
    ws = wb["Captura"]
    pos = filas(ws)
    r = min(pos.values())
    out = {
        "hojas": [(s.title, s.sheet_state) for s in wb.worksheets],
        "protegida": ws.protection.sheet,
        "instrucciones_protegida": wb["Instrucciones"].protection.sheet,
        "id_protegida": wb["poa_captura"].protection.sheet,
        "bloqueadas": {c: ws.cell(r, i).protection.locked
                       for c, i in (("codigo", 1), ("meta", 3), ("pct", 11), ("real", 10),
                                    ("causa", 12), ("observaciones", 13), ("evidencia", 14))},
        "columna_id_oculta": ws.column_dimensions["O"].hidden,
        "validaciones": sorted((dv.type or "", dv.operator or "", dv.errorTitle or "",
                                dv.promptTitle or "", str(dv.formula1))
                               for dv in ws.data_validations.dataValidation),
        "formatos_condicionales": sorted(str(rule.formula[0]) for rng in ws.conditional_formatting
                                         for rule in rng.rules),
        "identificacion": ident(wb),
        "pct_formula": ws.cell(r, 11).value,
        "papel": wb["Instrucciones"].page_setup.paperSize,
        "ajuste_ancho": wb["Instrucciones"].page_setup.fitToWidth,
    }
    print(json.dumps(out, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "llenar":
        llenar(sys.argv[2], sys.argv[3])
    elif cmd == "poner":
        poner(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "borrar_fila":
        borrar_fila(sys.argv[2], sys.argv[3])
    elif cmd == "inspeccionar":
        inspeccionar(sys.argv[2])
    else:
        sys.exit("orden desconocida: " + cmd)
