-- The one home of "an application takes only what is free at its date and at every later date". Included after a WITH that
-- defines candidatas(documento_id, numero, desde, saldo, fecha_emision): installments, the date of the application that would
-- take from them, their balance today and their document's issue date; and aplicadas(documento_id, cuota, fecha,
-- fecha_reversa, monto): the applications that count (the company's, and a batch's own not yet written). Defines
-- retenidos(documento_id, numero, retenido): the part of today's balance that was not free at some date on or
-- after desde (it was applied then and the application was reversed later), for the installments where that part is not 0.
-- What an application dated desde may take is saldo - retenido. The balance only falls on an application's date, so desde and
-- the later application dates are the dates to check (and none before the document was issued); the balance at a date is today's plus the active applications dated
-- after it, less those that counted at it and were reversed after it (CambiosAlCorte.sql rebuilds the aging the same way).
cambios AS (
    SELECT k.documento_id, k.numero, k.desde, a.fecha, a.fecha_reversa, a.monto
    FROM candidatas k
    JOIN aplicadas a ON a.documento_id = k.documento_id AND a.cuota = k.numero
    WHERE (a.fecha_reversa IS NULL AND a.fecha > k.desde) OR a.fecha_reversa > k.desde
),
dias AS (
    SELECT documento_id, numero, desde AS dia FROM cambios
    UNION
    SELECT documento_id, numero, fecha FROM cambios WHERE fecha > desde
),
retenidos AS (
    SELECT documento_id, numero, max(retenido) AS retenido FROM (
        SELECT d.documento_id, d.numero, -min(x.ajuste) AS retenido
        FROM dias d
        CROSS JOIN LATERAL (
            SELECT COALESCE(sum(CASE WHEN c.fecha_reversa IS NULL THEN c.monto ELSE -c.monto END), 0) AS ajuste
            FROM cambios c
            WHERE c.documento_id = d.documento_id AND c.numero = d.numero
              AND ((c.fecha_reversa IS NULL AND c.fecha > d.dia) OR (c.fecha <= d.dia AND c.fecha_reversa > d.dia))
        ) x
        GROUP BY d.documento_id, d.numero
        UNION ALL
        -- Before it was issued a document owed nothing: an application dated earlier takes nothing from it.
        SELECT k.documento_id, k.numero, k.saldo FROM candidatas k WHERE k.fecha_emision > k.desde
    ) r
    GROUP BY documento_id, numero
    HAVING max(retenido) > 0
)
