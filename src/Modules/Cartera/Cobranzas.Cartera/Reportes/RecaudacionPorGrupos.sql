-- Recaudacion.sql for several groups of clients at once: the same grouping by currency and day (now also by group) before
-- the conversion, so each group's figure is exactly the one Recaudacion.sql gives for its clients. Parameters: @empresa,
-- @desde, @hasta, @clientes (uuid[]) and @grupos (int[], the group of each client, same length).
SELECT x.grupo, COALESCE(sum(cartera.en_clp(x.monto, x.moneda, cartera.ultimo_valor_uf(@empresa, x.fecha), cartera.ultimo_valor_dolar(@empresa, x.fecha))), 0)
FROM (
    SELECT g.grupo, d.moneda, a.fecha, sum(a.monto) AS monto
    FROM unnest(@clientes::uuid[], @grupos::int[]) AS g(cliente_id, grupo)
    JOIN cartera.documentos d ON d.cliente_id = g.cliente_id AND d.empresa_id = @empresa
    JOIN cartera.aplicaciones a ON a.documento_id = d.id
    WHERE a.empresa_id = @empresa AND a.pago_id IS NOT NULL AND a.fecha_reversa IS NULL
      AND a.fecha BETWEEN @desde AND @hasta
    GROUP BY g.grupo, d.moneda, a.fecha
) x
GROUP BY x.grupo
