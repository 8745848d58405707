-- Aging at @corte: each installment's balance as it was that day, in CLP, summed per client (or, when @por_cliente is
-- false, for the whole company) and per bucket. @inicios holds the first day of every bucket after the first, so
-- width_bucket gives the bucket's position (0 = por vencer). The last row (cliente_id NULL) carries the totals, so a
-- page past the end still answers them. Parameters: @empresa, @corte, @base ('vencimiento' or 'emision'), @cliente
-- (NULL = all), @inicios, @por_cliente, @limite (NULL = every client), @saltar.
WITH
--#incluir CambiosAlCorte.sql
,
correcciones AS (
    -- The open installments touched after the cut-off leave today's sum, their balance at the cut-off joins it.
    SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, -c.saldo AS saldo, -1 AS n
    FROM tocadas t JOIN cartera.cuotas c ON c.documento_id = t.documento_id AND c.numero = t.numero
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.fecha_emision <= @corte
      AND (@cliente IS NULL OR c.cliente_id = @cliente)
    UNION ALL
    SELECT cliente_id, moneda, fecha_emision, fecha_vencimiento, saldo, 1 AS n FROM al_corte
),
por_tramo AS (
    -- The open installments are summed straight from the partial index, with no reference to the CTEs, so the planner
    -- can give that aggregate parallel workers. n counts installments with a balance, so a client whose open
    -- installments were all paid by the cut-off drops out as if it had no rows.
    SELECT CASE WHEN @por_cliente THEN c.cliente_id END AS cliente_id,
           width_bucket(@corte - CASE WHEN @base = 'emision' THEN c.fecha_emision ELSE c.fecha_vencimiento END, @inicios) AS tramo,
           sum(cartera.en_clp(c.saldo, c.moneda, (SELECT valor FROM cartera.valores_uf WHERE fecha = @corte),
                              (SELECT valor FROM cartera.valores_dolar WHERE fecha = @corte))) AS saldo_clp,
           count(*) FILTER (WHERE c.moneda = 'UF' AND NOT EXISTS (SELECT 1 FROM cartera.valores_uf WHERE fecha = @corte)) AS sin_uf,
           count(*) FILTER (WHERE c.moneda = 'USD' AND NOT EXISTS (SELECT 1 FROM cartera.valores_dolar WHERE fecha = @corte)) AS sin_cambio,
           count(*) AS n
    FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.fecha_emision <= @corte
      AND (@cliente IS NULL OR c.cliente_id = @cliente)
    GROUP BY 1, 2
    UNION ALL
    SELECT CASE WHEN @por_cliente THEN k.cliente_id END,
           width_bucket(@corte - CASE WHEN @base = 'emision' THEN k.fecha_emision ELSE k.fecha_vencimiento END, @inicios),
           sum(cartera.en_clp(k.saldo, k.moneda, (SELECT valor FROM cartera.valores_uf WHERE fecha = @corte),
                              (SELECT valor FROM cartera.valores_dolar WHERE fecha = @corte))),
           COALESCE(sum(k.n) FILTER (WHERE k.moneda = 'UF' AND NOT EXISTS (SELECT 1 FROM cartera.valores_uf WHERE fecha = @corte)), 0),
           COALESCE(sum(k.n) FILTER (WHERE k.moneda = 'USD' AND NOT EXISTS (SELECT 1 FROM cartera.valores_dolar WHERE fecha = @corte)), 0),
           sum(k.n)
    FROM correcciones k
    GROUP BY 1, 2
),
por_cliente AS (
    SELECT cliente_id, tramo, COALESCE(sum(saldo_clp), 0) AS monto, sum(sin_uf) AS sin_uf, sum(sin_cambio) AS sin_cambio, sum(n) AS n
    FROM por_tramo GROUP BY cliente_id, tramo
),
grupos AS (
    SELECT cliente_id, array_agg(tramo ORDER BY tramo) AS tramos, array_agg(monto ORDER BY tramo) AS montos,
           sum(monto) AS total, sum(sin_uf) AS sin_uf, sum(sin_cambio) AS sin_cambio
    FROM por_cliente GROUP BY cliente_id HAVING sum(n) > 0
),
totales AS (
    SELECT u.tramo, sum(u.monto) AS monto FROM grupos g, unnest(g.tramos, g.montos) AS u(tramo, monto) GROUP BY u.tramo
)
SELECT * FROM (
    SELECT cliente_id, tramos, montos, total, sin_uf, sin_cambio, 0::bigint AS grupos FROM grupos
    WHERE cliente_id IS NOT NULL
    ORDER BY total DESC, cliente_id LIMIT @limite OFFSET @saltar
) pagina
UNION ALL
SELECT NULL, (SELECT array_agg(tramo ORDER BY tramo) FROM totales), (SELECT array_agg(monto ORDER BY tramo) FROM totales),
       COALESCE(sum(total), 0), COALESCE(sum(sin_uf), 0), COALESCE(sum(sin_cambio), 0), CASE WHEN @por_cliente THEN count(*) ELSE 0 END
FROM grupos
