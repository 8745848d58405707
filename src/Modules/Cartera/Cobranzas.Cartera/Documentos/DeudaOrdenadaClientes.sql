-- One page of @clientes (in the caller's order, kept as the tie-breaker) ordered by today's open debt in CLP, the balance
-- or its overdue part (@por_vencido), descending or ascending (@descendente). Clients that owe nothing have 0.
-- @toda_la_empresa sums every open installment of the company instead of looking up the listed clients one by one:
-- for a long list (the whole company) one parallel scan is several times faster; the join below keeps only the listed.
-- Documents ceded under administración delegada count, as in DeudaClientes.sql. Parameters: @empresa, @hoy, @clientes, @toda_la_empresa, @por_vencido, @descendente, @saltar, @tomar.
WITH valores AS (
    SELECT cartera.valor_uf(@empresa, @hoy) AS uf, cartera.valor_dolar(@empresa, @hoy) AS dolar
), deuda AS (
    SELECT c.cliente_id,
           sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) AS saldo,
           COALESCE(sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) FILTER (WHERE c.fecha_vencimiento < @hoy), 0) AS vencido
    FROM (
        SELECT c.cliente_id, c.saldo, c.moneda, c.fecha_vencimiento
        FROM cartera.cuotas c
        WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente
          AND (@toda_la_empresa OR c.cliente_id = ANY(@clientes))
        UNION ALL
        SELECT c.cliente_id, c.saldo, c.moneda, c.fecha_vencimiento
        FROM cartera.documentos d JOIN cartera.cuotas c ON c.documento_id = d.id
        WHERE d.empresa_id = @empresa AND d.fecha_cesion IS NOT NULL AND d.fecha_recompra IS NULL AND d.fecha_anulacion IS NULL
          AND d.administracion_delegada AND c.saldo > 0 AND NOT c.vigente
          AND (@toda_la_empresa OR d.cliente_id = ANY(@clientes))
    ) c CROSS JOIN valores v
    GROUP BY c.cliente_id
), ordenados AS (
    SELECT e.id, e.n, COALESCE(d.saldo, 0) AS saldo, COALESCE(d.vencido, 0) AS vencido,
           CASE WHEN @por_vencido THEN COALESCE(d.vencido, 0) ELSE COALESCE(d.saldo, 0) END AS clave
    FROM unnest(@clientes::uuid[]) WITH ORDINALITY AS e(id, n) LEFT JOIN deuda d ON d.cliente_id = e.id
)
SELECT id, saldo, vencido
FROM ordenados
ORDER BY CASE WHEN @descendente THEN -clave ELSE clave END, n
OFFSET @saltar LIMIT @tomar
