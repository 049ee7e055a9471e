#!/usr/bin/env bash
# render_nav.sh — the ARS plan renders (tree, grid, accents), and the
# analyst can move, fold/unfold, filter by unit and search without accents.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start nav 120 40

has 'POA 2024 · ARS SEMMA'
has '│1er.Trim.│2do.Trim.│3er.Trim.│4to.Trim.│'
has '├─▾ Financiero (1)'
has '1.1 Alianza estratégica con el MINERD'
has '│ x     x │ x  x    │ x     x │ x  x  x │'      # 1.1's months
has 'Departamento de Afiliación: Optimizar'
has '1/297'

# navigation: down to 1.1, end, home
keys Down Down Down Down
wait_for 'Actividad 1.1 · Departamento de Afiliación'
has 'Responsables: Afiliación/ Direccion Ejecutiva'
keys End
wait_for '297/297'
keys Home
wait_for '1/297'
keys PgDn
wait_gone ' 1/297'

# fold the first eje and unfold it again
keys Home Left
wait_for '├─▸ Financiero (1)'
check <<'C'
rows=$(screen | grep -o '[0-9]*/[0-9]*' | tail -1)
[ "$rows" = "1/284" ] || fail "tras plegar: $rows"
C
keys Enter
wait_for '├─▾ Financiero (1)'
keys '*'
wait_for '1/11'        # everything folded: the eleven ejes as spelled
has '├─▸ (sin eje) · (objetivo sin texto) (1)'   # not an eje: decisiones.md
keys '*'
wait_for '1/297'

# unit filter: only Sección de Delegados
keys u
wait_for 'Filtrar por unidad'
type_text 'delegados'
wait_for '(1 de 17'
keys Enter
wait_for 'Unidad: Sección de Delegados'
has 'Jornadas de servicios y captación de afiliados'
has '│ 1  5  3 │ 4  3  2 │ 1  1  1 │ 4  5  2 │'
hasnt 'Alianza estratégica'
keys Esc
wait_for 'Unidad: todas'

# search without accents finds «Afiliación» text
keys /
wait_for 'Buscar:'
type_text 'traspasos salientes'
keys Enter
wait_for 'Identificar los traspasos salientes'
keys Home /
type_text 'afiliacion'
keys Enter
wait_for '«afiliacion»: 1 de '
has '· n siguiente, N anterior'
has 'Afiliación'
keys n
wait_for '«afiliacion»: 2 de '
keys /
type_text 'zzzz inexistente'
keys Enter
wait_for 'sin coincidencias para «zzzz inexistente»'
quit
