-- Recaudacion.sql for many groups of clients at once (@clientes[i] belongs to group @grupos[i]; a client may be in several).
-- The period's payment applications come from ix_aplicaciones_recaudacion alone (the rows carry their document's client
-- and currency), joined to the groups of their client and summed per group, currency and day, then converted once per
-- group and day as Recaudacion.sql does for the group's clients: each group's figure is that statement's for its clients.
-- Pesos need no day (their conversion is the amount), which keeps the sum to about one row per group.
-- Parameters: @empresa, @desde, @hasta, @clientes, @grupos.
WITH por_grupo AS (
    SELECT g.grupo, a.moneda, CASE WHEN a.moneda <> 'CLP' THEN a.fecha END AS fecha, sum(a.monto) AS monto
    FROM cartera.aplicaciones a
    JOIN unnest(@clientes::uuid[], @grupos::uuid[]) AS g(cliente_id, grupo) ON g.cliente_id = a.cliente_id
    WHERE a.empresa_id = @empresa AND a.pago_id IS NOT NULL AND a.fecha_reversa IS NULL
      AND a.fecha BETWEEN @desde AND @hasta
    GROUP BY 1, 2, 3
)
SELECT grupo, sum(cartera.en_clp(monto, moneda, cartera.ultimo_valor_uf(@empresa, fecha), cartera.ultimo_valor_dolar(@empresa, fecha)))
FROM por_grupo
GROUP BY grupo
