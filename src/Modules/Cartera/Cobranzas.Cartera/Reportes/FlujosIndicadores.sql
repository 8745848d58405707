-- The flows of the portfolio KPIs per group and day, in CLP at the day's UF or dólar (the latest value up to that day):
-- 'v' credit sales (documents issued that day, credit notes negative; anulacion says when one was cancelled, so a caller
-- drops it from the periods ending on or after that day), from @inicio_ventas; 'c' write-offs and 'r' collections
-- (payment money applied, not reversed: the definition of Recaudacion.sql), from @desde. Everything up to @hasta.
-- @clientes/@grupos map each client to its group (a client may sit in several); NULL @clientes = every client, group 0.
WITH mapa AS (
    SELECT m.cliente_id, m.grupo FROM unnest(@clientes::uuid[], @grupos::int[]) AS m(cliente_id, grupo)
),
flujos AS (
    SELECT 'v' AS tipo, COALESCE(m.grupo, 0) AS grupo, d.fecha_emision AS fecha, d.fecha_anulacion AS anulacion, d.moneda,
           sum(CASE WHEN cartera.es_nota_credito(d.tipo) THEN -d.total ELSE d.total END) AS monto
    FROM cartera.documentos d
    LEFT JOIN mapa m ON m.cliente_id = d.cliente_id
    WHERE d.empresa_id = @empresa AND d.fecha_emision BETWEEN @inicio_ventas AND @hasta
      AND (@clientes::uuid[] IS NULL OR m.grupo IS NOT NULL)
    GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT 'c', COALESCE(m.grupo, 0), d.fecha_castigo, NULL::date, d.moneda, sum(d.monto_castigo)
    FROM cartera.documentos d
    LEFT JOIN mapa m ON m.cliente_id = d.cliente_id
    WHERE d.empresa_id = @empresa AND d.fecha_castigo BETWEEN @desde AND @hasta
      AND (@clientes::uuid[] IS NULL OR m.grupo IS NOT NULL)
    GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT 'r', COALESCE(m.grupo, 0), a.fecha, NULL::date, d.moneda, sum(a.monto)
    FROM cartera.aplicaciones a
    JOIN cartera.documentos d ON d.id = a.documento_id
    LEFT JOIN mapa m ON m.cliente_id = d.cliente_id
    WHERE a.empresa_id = @empresa AND a.pago_id IS NOT NULL AND a.fecha_reversa IS NULL
      AND a.fecha BETWEEN @desde AND @hasta
      AND (@clientes::uuid[] IS NULL OR m.grupo IS NOT NULL)
    GROUP BY 1, 2, 3, 4, 5
)
SELECT tipo, grupo, fecha, anulacion,
       COALESCE(sum(cartera.en_clp(monto, moneda, cartera.ultimo_valor_uf(@empresa, fecha), cartera.ultimo_valor_dolar(@empresa, fecha))), 0) AS monto
FROM flujos
GROUP BY 1, 2, 3, 4
