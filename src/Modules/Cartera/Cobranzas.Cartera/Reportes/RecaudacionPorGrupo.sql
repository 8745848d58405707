-- Recaudacion.sql for many groups of clients at once (@clientes[i] belongs to group @grupos[i]; a client may be in several).
-- The period's applications are summed per client and currency first (one range of the date index, MATERIALIZED so the
-- planner does not start from the clients), UF and USD ones per day too, then per group, currency and day, and converted
-- once per group and day as Recaudacion.sql does for the group's clients: each group's figure is that statement's for its
-- clients. Pesos need no day (their conversion is the amount), which keeps the first sum to about one row per client.
-- Parameters: @empresa, @desde, @hasta, @clientes, @grupos.
WITH del_periodo AS MATERIALIZED (
    SELECT d.cliente_id, d.moneda, CASE WHEN d.moneda <> 'CLP' THEN a.fecha END AS fecha, sum(a.monto) AS monto
    FROM cartera.aplicaciones a
    JOIN cartera.documentos d ON d.id = a.documento_id
    WHERE a.empresa_id = @empresa AND a.pago_id IS NOT NULL AND a.fecha_reversa IS NULL
      AND a.fecha BETWEEN @desde AND @hasta
    GROUP BY 1, 2, 3
), por_grupo AS (
    SELECT g.grupo, p.moneda, p.fecha, sum(p.monto) AS monto
    FROM del_periodo p
    JOIN unnest(@clientes::uuid[], @grupos::uuid[]) AS g(cliente_id, grupo) ON g.cliente_id = p.cliente_id
    GROUP BY g.grupo, p.moneda, p.fecha
)
SELECT grupo, sum(cartera.en_clp(monto, moneda, cartera.ultimo_valor_uf(@empresa, fecha), cartera.ultimo_valor_dolar(@empresa, fecha)))
FROM por_grupo
GROUP BY grupo
