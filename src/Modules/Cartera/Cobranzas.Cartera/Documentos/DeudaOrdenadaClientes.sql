-- One page of @clientes (in the caller's order, kept as the tie-breaker) ordered by today's open debt in CLP, the balance
-- or its overdue part (@por_vencido), descending or ascending (@descendente). Clients that owe nothing have 0.
-- @toda_la_empresa sums every open installment of the company instead of looking up the listed clients one by one:
-- for a long list (the whole company) one parallel scan is several times faster; the join below keeps only the listed.
-- Parameters: @empresa, @hoy, @clientes, @toda_la_empresa, @por_vencido, @descendente, @saltar, @tomar.
WITH valores AS (
    SELECT cartera.valor_uf(@empresa, @hoy) AS uf, cartera.valor_dolar(@empresa, @hoy) AS dolar
), deuda AS (
    SELECT c.cliente_id,
           sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) AS saldo,
           COALESCE(sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) FILTER (WHERE c.fecha_vencimiento < @hoy), 0) AS vencido
    FROM cartera.cuotas c CROSS JOIN valores v
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente
      AND (@toda_la_empresa OR c.cliente_id = ANY(@clientes))
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
