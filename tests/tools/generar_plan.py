#!/usr/bin/env python3
"""generar_plan.py — a deterministic plan of N activities in the flat CSV of
tests/fixtures/FORMAT.md, for benchmarks and large-plan tests.

Realistic Spanish text with accents (100–200 characters per activity), units
from 10 (1,000 activities) to 1,500 (100,000), ejes → objetivos (O.E.1…O.E.6,
shared by the institution) → a meta per unit and objetivo → entregables →
actividades, ~45 % of the month cells filled ("x" or a quantity; 60 % on the rows
with a monthly cronograma), quarterly
targets derived from the months for half the activities, budgets, and the
seguimiento of one corte (accumulated real, observaciones, ~10 % unreported).

    generar_plan.py N [--corte K] [--semilla S] [-o ARCHIVO]

The same N and semilla always give the same plan; --corte only changes the
seguimiento columns (corte K, real accumulated to K), so importing the file
for corte 1, then 2, then 3 gives a plan with three cortes of seguimiento.
"""
import argparse
import csv
import random
import sys

COLUMNAS = ("institucion anio unidad mision eje objetivo_codigo objetivo meta_operativa "
            "entregable_codigo entregable indicador actividad_codigo actividad unidad_lider "
            "responsables presupuesto presupuesto_nota ene feb mar abr may jun jul ago sep oct "
            "nov dic meta_anual t1 t2 t3 t4 corte real pct_publicado observaciones "
            "nota_unidad").split()

EJES = ["Financiero", "Clientes y afiliados", "Procesos internos", "Aprendizaje y crecimiento"]
OBJETIVOS = [
    ("O.E.1", 0, "Garantizar la sostenibilidad financiera de la institución mediante una "
                 "gestión eficiente de los recursos."),
    ("O.E.2", 1, "Mejorar la satisfacción de los afiliados con servicios oportunos y de "
                 "calidad en todas las regiones."),
    ("O.E.3", 2, "Administrar los activos de manera eficaz, eficiente y económica."),
    ("O.E.4", 2, "Optimizar los procesos internos con herramientas de gestión y control."),
    ("O.E.5", 3, "Fortalecer las competencias del personal y la cultura de planificación."),
    ("6", 3, "OTRAS ACTIVIDADES OPERATIVAS"),
]
AREAS = ["Afiliación", "Finanzas", "Contabilidad", "Tesorería", "Compras", "Planificación",
         "Recursos Humanos", "Tecnología de la Información", "Servicios Generales",
         "Comunicación", "Auditoría Interna", "Asesoría Jurídica", "Operaciones",
         "Comercialización", "Atención al Usuario", "Gestión Documental", "Logística",
         "Calidad", "Estadística", "Relaciones Públicas"]
LUGARES = ["Santo Domingo", "Santiago", "La Vega", "San Cristóbal", "Puerto Plata",
           "San Pedro de Macorís", "La Romana", "Higüey", "Barahona", "Moca", "Baní",
           "Azua", "Bonao", "Mao", "Nagua", "Samaná", "Cotuí", "Neiba", "Dajabón", "Monte Plata"]
VERBOS = ["Elaborar", "Implementar", "Actualizar", "Supervisar", "Diseñar", "Capacitar a",
          "Evaluar", "Gestionar", "Coordinar", "Revisar", "Difundir", "Digitalizar",
          "Conciliar", "Depurar", "Fortalecer", "Socializar"]
OBJETOS = ["el diagnóstico de las mejoras realizadas en la oficina central",
           "los procedimientos de afiliación y traspaso",
           "el plan de compras y contrataciones públicas",
           "los controles del activo fijo de cada unidad",
           "el manual de políticas y procedimientos",
           "el sistema de gestión de la calidad",
           "los expedientes físicos y electrónicos del archivo",
           "las conciliaciones bancarias mensuales",
           "el programa de capacitación del personal técnico",
           "la matriz de riesgos operativos",
           "los indicadores de gestión y desempeño",
           "la encuesta de satisfacción de los usuarios",
           "el inventario de equipos tecnológicos",
           "los reportes estadísticos trimestrales"]
COMPLEMENTOS = ["con el propósito de lograr mejoras administrativas",
                "según las necesidades prioritarias del presente año",
                "en coordinación con las agencias departamentales",
                "para garantizar el cumplimiento de las normas vigentes",
                "a fin de reducir los tiempos de respuesta",
                "conforme a lo aprobado por el Consejo Directivo",
                "y dar seguimiento a las recomendaciones de auditoría",
                "mediante talleres y jornadas de socialización"]
OBSERVACIONES = ["Se completó según lo programado.", "Se avanzó en la revisión con las áreas.",
                 "Pendiente la aprobación de la Dirección Ejecutiva.",
                 "Se realizaron los talleres en las regiones norte y sur.",
                 "Retraso por falta de presupuesto asignado.",
                 "Se actualizó la información en el sistema."]
INDICADORES = ["% de procesos mejorados", "Cantidad de informes elaborados",
               "% de personal capacitado", "Número de auditorías realizadas",
               "% de expedientes digitalizados", "Cantidad de talleres realizados"]


def contraer(t):
    """«de el» and «a el» are «del» and «al» in Spanish."""
    return t.replace(" de el ", " del ").replace(" a el ", " al ")


def texto_actividad(rnd):
    """100–200 characters of activity text."""
    while True:
        partes = [rnd.choice(VERBOS), rnd.choice(OBJETOS), rnd.choice(COMPLEMENTOS)]
        if rnd.random() < 0.7:
            partes.append("en " + rnd.choice(LUGARES))
        if rnd.random() < 0.5:
            partes.append(rnd.choice(COMPLEMENTOS))
        t = contraer(" ".join(partes) + ".")
        if 100 <= len(t) <= 200:
            return t


def numero(v):
    return str(int(v)) if v == int(v) else "%.2f" % v


def generar(n, corte, semilla, salida):
    rnd = random.Random(semilla)
    unidades = max(10, min(1500, round(n / 66.7)))
    w = csv.writer(salida, lineterminator="\n")
    w.writerow(COLUMNAS)
    institucion = "Instituto Nacional de Servicios Generados"
    hechas = 0
    for u in range(unidades):
        nombre = "%s %s %d" % (AREAS[u % len(AREAS)], LUGARES[(u // len(AREAS)) % len(LUGARES)],
                               u + 1)
        mision = ("Planificar, controlar y supervisar las áreas de trabajo de %s, "
                  "contribuyendo con el desarrollo de herramientas de gestión." % nombre)
        nota = "Nota: las actividades de %s se verifican con la Dirección." % nombre if u % 7 == 0 else ""
        # this unit's share of the activities (the last unit takes the rest)
        cuantas = n // unidades + (1 if u < n % unidades else 0)
        objs = rnd.sample(range(len(OBJETIVOS)), 3)
        objs.sort()
        k = 0
        ne = 0   # entregables numbered through the unit: codes are unique in it
        for oi, o in enumerate(objs):
            cod, eje, otexto = OBJETIVOS[o]
            meta = contraer("Alcanzar el %d%% de cumplimiento de %s" %
                            (rnd.choice([80, 85, 90, 95]), rnd.choice(OBJETOS)))
            en_obj = cuantas // 3 + (1 if oi < cuantas % 3 else 0)
            ents = max(1, (en_obj + 7) // 8)
            for e in range(ents):
                ne += 1
                en_ent = en_obj // ents + (1 if e < en_obj % ents else 0)
                etexto = contraer("%s %s" % (rnd.choice(["Informe de", "Plan de", "Sistema de",
                                                         "Programa de"]), rnd.choice(OBJETOS)))
                # the indicador belongs to the entregable: one per entregable, or
                # the import warns on every row that repeats it differently
                indicador = rnd.choice(INDICADORES)
                for a in range(en_ent):
                    k += 1
                    hechas += 1
                    fila = dict.fromkeys(COLUMNAS, "")
                    fila.update(institucion=institucion, anio="2024", unidad=nombre, mision=mision,
                                eje=EJES[eje], objetivo_codigo=cod, objetivo=otexto,
                                meta_operativa=meta, entregable_codigo=str(ne),
                                entregable=etexto, indicador=indicador,
                                actividad_codigo="%d.%d" % (ne, a + 1),
                                actividad=texto_actividad(rnd), nota_unidad=nota)
                    fila["responsables"] = "/".join(rnd.sample(AREAS, rnd.choice([1, 1, 2])))
                    if rnd.random() < 0.3:
                        fila["unidad_lider"] = rnd.choice(AREAS)
                    if rnd.random() < 0.5:
                        fila["presupuesto"] = "%.2f" % (rnd.randrange(5, 5000) * 1000)
                    cantidades = rnd.random() < 0.5
                    meses = []
                    for m in range(12):
                        if rnd.random() < 0.6:   # with the quarterly-only rows, ~45 % of all month cells
                            meses.append(rnd.randrange(1, 21) if cantidades else "x")
                        else:
                            meses.append("")
                    if not any(meses):
                        meses[rnd.randrange(12)] = rnd.randrange(1, 21) if cantidades else "x"
                    trimestral = cantidades and rnd.random() < 0.5
                    trims = [sum(v for v in meses[3 * q:3 * q + 3] if isinstance(v, int))
                             for q in range(4)]
                    if trimestral:
                        # quarterly targets instead of months (the Caja's way)
                        for q in range(4):
                            fila["t%d" % (q + 1)] = numero(trims[q]) if trims[q] else ""
                        fila["meta_anual"] = numero(sum(trims))
                    else:
                        for m, nom in enumerate(COLUMNAS[17:29]):
                            fila[nom] = str(meses[m])
                    prog = sum(trims[:corte]) if cantidades else sum(
                        1 for v in meses[:3 * corte] if v)
                    # the seguimiento from its own stream, one per activity and corte:
                    # the plan above is the same whatever the corte
                    seg = random.Random("%d/%d/%d" % (semilla, hechas, corte))
                    if prog and seg.random() < 0.9:
                        avance = seg.choice([0.3, 0.5, 0.7, 0.8, 0.9, 1.0, 1.0, 1.1])
                        fila["corte"] = str(corte)
                        fila["real"] = numero(round(prog * avance, 2))
                        fila["observaciones"] = seg.choice(OBSERVACIONES)
                    w.writerow([fila[c] for c in COLUMNAS])
    return hechas


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="activities")
    ap.add_argument("--corte", type=int, default=3, choices=[1, 2, 3, 4])
    ap.add_argument("--semilla", type=int, default=2024)
    ap.add_argument("-o", "--salida", help="file (default: standard output)")
    a = ap.parse_args()
    if a.n < 1:
        ap.error("N debe ser al menos 1")
    out = open(a.salida, "w", encoding="utf-8", newline="") if a.salida else sys.stdout
    hechas = generar(a.n, a.corte, a.semilla, out)
    if a.salida:
        out.close()
    if hechas != a.n:
        sys.exit("generar_plan: %d actividades en vez de %d" % (hechas, a.n))


if __name__ == "__main__":
    main()
