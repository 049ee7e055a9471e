-- schema.sql — the single source of poa's database schema. The binary carries
-- a copy (embedded at build time) and runs it on a new file inside one
-- transaction; PRAGMA user_version records the version (see db.c for
-- migrations). application_id marks the file as ours: 0x504F4131 ('POA1').
--
-- Conventions: "" (not NULL) means "not given" for texts, so UNIQUE keys
-- work; numbers that may be absent are NULL. Percentages are stored as
-- fractions (25 % -> 0.25) with a *_pct flag recording that they were written
-- with '%'. orden keeps the order of siblings as the analyst arranged them.

PRAGMA application_id = 1347371313;
PRAGMA user_version = 5;

CREATE TABLE institucion (
    id      INTEGER PRIMARY KEY,
    nombre  TEXT NOT NULL UNIQUE CHECK (length(trim(nombre)) > 0)
);

-- One POA: an institution and a year. A file may hold several years.
CREATE TABLE plan (
    id              INTEGER PRIMARY KEY,
    institucion_id  INTEGER NOT NULL REFERENCES institucion(id) ON DELETE CASCADE,
    anio            INTEGER NOT NULL CHECK (anio BETWEEN 1900 AND 2200),
    UNIQUE (institucion_id, anio)
);

CREATE TABLE unidad (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    nombre   TEXT NOT NULL CHECK (length(trim(nombre)) > 0),
    mision   TEXT NOT NULL DEFAULT '',
    nota     TEXT NOT NULL DEFAULT '',
    orden    INTEGER NOT NULL,
    UNIQUE (plan_id, nombre)
);

-- Eje / perspectiva. nombre = '' is the implicit eje of plans without ejes.
CREATE TABLE eje (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    nombre   TEXT NOT NULL,
    orden    INTEGER NOT NULL,
    UNIQUE (plan_id, nombre)
);

CREATE TABLE objetivo (
    id       INTEGER PRIMARY KEY,
    eje_id   INTEGER NOT NULL REFERENCES eje(id) ON DELETE CASCADE,
    codigo   TEXT NOT NULL DEFAULT '',
    texto    TEXT NOT NULL,
    orden    INTEGER NOT NULL,
    UNIQUE (eje_id, codigo, texto)
);

-- Meta operativa anual: one unit's goal under an objetivo ('' = not given).
CREATE TABLE meta (
    id           INTEGER PRIMARY KEY,
    objetivo_id  INTEGER NOT NULL REFERENCES objetivo(id) ON DELETE CASCADE,
    unidad_id    INTEGER NOT NULL REFERENCES unidad(id) ON DELETE CASCADE,
    texto        TEXT NOT NULL DEFAULT '',
    orden        INTEGER NOT NULL,
    UNIQUE (objetivo_id, unidad_id, texto)
);

-- Entregable with its indicador. codigo = texto = '' is the implicit
-- entregable of plans without entregables.
CREATE TABLE entregable (
    id         INTEGER PRIMARY KEY,
    meta_id    INTEGER NOT NULL REFERENCES meta(id) ON DELETE CASCADE,
    codigo     TEXT NOT NULL DEFAULT '',
    texto      TEXT NOT NULL DEFAULT '',
    indicador  TEXT NOT NULL DEFAULT '',
    orden      INTEGER NOT NULL
);
CREATE INDEX entregable_meta ON entregable(meta_id, orden);

CREATE TABLE actividad (
    id                INTEGER PRIMARY KEY,
    entregable_id     INTEGER NOT NULL REFERENCES entregable(id) ON DELETE CASCADE,
    codigo            TEXT NOT NULL DEFAULT '',
    texto             TEXT NOT NULL,
    unidad_lider      TEXT NOT NULL DEFAULT '',
    responsables      TEXT NOT NULL DEFAULT '',
    presupuesto       REAL CHECK (presupuesto IS NULL OR presupuesto >= 0),
    moneda            TEXT NOT NULL DEFAULT '',
    presupuesto_nota  TEXT NOT NULL DEFAULT '',
    riesgos           TEXT NOT NULL DEFAULT '',
    tipo_meta         TEXT NOT NULL DEFAULT 'acumulable'
                      CHECK (tipo_meta IN ('acumulable', 'porcentaje', 'hito')),
    sentido           TEXT NOT NULL DEFAULT 'ascendente'
                      CHECK (sentido IN ('ascendente', 'descendente')),
    peso              REAL NOT NULL DEFAULT 1 CHECK (peso >= 0),
    meta_anual        REAL,
    meta_anual_pct    INTEGER NOT NULL DEFAULT 0 CHECK (meta_anual_pct IN (0, 1)),
    orden             INTEGER NOT NULL
);
CREATE INDEX actividad_entregable ON actividad(entregable_id, orden);

-- The 12-month cronograma: one row per marked month. marca 'x' counts as 1.
CREATE TABLE mes (
    actividad_id  INTEGER NOT NULL REFERENCES actividad(id) ON DELETE CASCADE,
    mes           INTEGER NOT NULL CHECK (mes BETWEEN 1 AND 12),
    marca         TEXT NOT NULL CHECK (marca IN ('x', 'n')),
    cantidad      REAL NOT NULL CHECK (cantidad >= 0),
    PRIMARY KEY (actividad_id, mes)
) WITHOUT ROWID;

-- Quarterly targets as entered (plans that program by quarter).
CREATE TABLE meta_trimestre (
    actividad_id  INTEGER NOT NULL REFERENCES actividad(id) ON DELETE CASCADE,
    trimestre     INTEGER NOT NULL CHECK (trimestre BETWEEN 1 AND 4),
    valor         REAL NOT NULL,
    pct           INTEGER NOT NULL DEFAULT 0 CHECK (pct IN (0, 1)),
    PRIMARY KEY (actividad_id, trimestre)
) WITHOUT ROWID;

-- Seguimiento at a corte: the real accumulated up to the end of quarter corte.
CREATE TABLE seguimiento (
    actividad_id   INTEGER NOT NULL REFERENCES actividad(id) ON DELETE CASCADE,
    corte          INTEGER NOT NULL CHECK (corte BETWEEN 1 AND 4),
    real           REAL,
    real_pct       INTEGER NOT NULL DEFAULT 0 CHECK (real_pct IN (0, 1)),
    observaciones  TEXT NOT NULL DEFAULT '',
    evidencia      TEXT NOT NULL DEFAULT '',
    pct_publicado  TEXT NOT NULL DEFAULT '',
    -- the unit's cause and corrective measure where the result is amarillo
    -- or rojo (capture workbooks ask for it; the reports print it)
    causa          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (actividad_id, corte)
) WITHOUT ROWID;

-- State of each corte of a plan; a missing row means open.
CREATE TABLE corte (
    plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    numero       INTEGER NOT NULL CHECK (numero BETWEEN 1 AND 4),
    estado       TEXT NOT NULL DEFAULT 'abierto' CHECK (estado IN ('abierto', 'cerrado')),
    cerrado_por  TEXT NOT NULL DEFAULT '',
    cerrado_en   TEXT NOT NULL DEFAULT '',
    motivo       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, numero)
) WITHOUT ROWID;

-- Every change a user makes: who, when, what, before and after. Undo and
-- the audit trail read it. accion groups the rows of one user action;
-- deshecho marks the actions an undo has reverted.
CREATE TABLE cambio (
    id        INTEGER PRIMARY KEY,
    accion    INTEGER NOT NULL,
    momento   TEXT NOT NULL,
    usuario   TEXT NOT NULL,
    plan_id   INTEGER,
    tabla     TEXT NOT NULL,
    fila_id   INTEGER NOT NULL,
    campo     TEXT NOT NULL,
    antes     TEXT,
    despues   TEXT,
    descripcion TEXT NOT NULL DEFAULT '',
    deshecho  INTEGER NOT NULL DEFAULT 0 CHECK (deshecho IN (0, 1)),
    -- what kind of operation the row records (CambioTipo, store.h): undo
    -- reads this, never the descripcion
    tipo      TEXT NOT NULL DEFAULT 'campo' CHECK (tipo IN ('campo', 'meses', 'mover',
              'unidad', 'alta', 'baja', 'importar', 'unificar', 'corte', 'seguimiento',
              'deshacer', 'lote', 'rehacer', 'plan', 'captura')),
    -- an undo's or a redo's rows: the action it reverted or applied again
    ref       INTEGER
);
CREATE INDEX cambio_accion ON cambio(accion);

-- Row images of the bulk actions (store_lote.c): while an action records,
-- per-connection TEMP triggers write here every row of a plan table it
-- inserts, updates or deletes. clave is the row's primary key (a JSON
-- array), antes and despues the whole row (a JSON object; NULL = the row
-- did not exist). Undo puts antes back, redo despues.
CREATE TABLE imagen (
    id       INTEGER PRIMARY KEY,
    accion   INTEGER NOT NULL,
    tabla    TEXT NOT NULL,
    clave    TEXT NOT NULL,
    antes    TEXT,
    despues  TEXT
);
CREATE INDEX imagen_accion ON imagen(accion, tabla, clave);
CREATE INDEX imagen_fila ON imagen(tabla, clave, accion);

-- A capture workbook written for a unit and a corte (poa exportar --informe
-- captura), and its return: the collection view reads who has answered.
-- huella is the fingerprint written into the workbook's hidden identification.
CREATE TABLE captura (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    unidad_id    INTEGER NOT NULL REFERENCES unidad(id) ON DELETE CASCADE,
    corte        INTEGER NOT NULL CHECK (corte BETWEEN 1 AND 4),
    enviada_en   TEXT NOT NULL,
    archivo      TEXT NOT NULL,
    huella       TEXT NOT NULL,
    recibida_en  TEXT NOT NULL DEFAULT '',
    recibida_de  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX captura_plan ON captura(plan_id, corte, unidad_id);

-- Tree order: loading the plan walks these instead of sorting the whole plan.
CREATE INDEX unidad_plan ON unidad(plan_id, orden);
CREATE INDEX eje_plan ON eje(plan_id, orden);
CREATE INDEX objetivo_eje ON objetivo(eje_id, orden);
CREATE INDEX meta_objetivo ON meta(objetivo_id, orden);
CREATE INDEX meta_unidad ON meta(unidad_id);
