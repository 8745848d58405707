-- One page of @clientes (in the caller's order, kept as the tie-breaker) ordered by today's balance in CLP, descending or
-- ascending (@descendente), from the per-client balances kept by the installments' triggers (cartera.saldos_clientes): one row
-- per client instead of every open installment. CLP balances are read as kept; a client owing in UF or USD has those
-- installments summed one by one (each converted at today's value and rounded, as the statement does), since a kept UF sum
-- converted once would round differently. The overdue part is summed for the page's clients only. The debt is what the
-- company collects, as the worklist's (DeudaClientes.sql): the installments in force and those ceded under administración
-- delegada (saldo_delegado, cuotas.delegada).
-- Parameters: @empresa, @hoy, @clientes, @descendente, @saltar, @tomar.
WITH valores AS (
    SELECT cartera.valor_uf(@empresa, @hoy) AS uf, cartera.valor_dolar(@empresa, @hoy) AS dolar
), extranjera AS (
    SELECT c.cliente_id, sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) AS saldo
    FROM cartera.cuotas c CROSS JOIN valores v
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND (c.vigente OR c.delegada) AND c.moneda <> 'CLP'
      AND c.cliente_id IN (SELECT s.cliente_id FROM cartera.saldos_clientes s
                           WHERE s.empresa_id = @empresa AND s.moneda <> 'CLP' AND (s.saldo <> 0 OR s.saldo_delegado <> 0))
    GROUP BY c.cliente_id
), deuda AS (
    SELECT cliente_id, sum(saldo) AS saldo FROM (
        SELECT s.cliente_id, s.saldo + s.saldo_delegado AS saldo FROM cartera.saldos_clientes s
        WHERE s.empresa_id = @empresa AND s.moneda = 'CLP' AND (s.saldo <> 0 OR s.saldo_delegado <> 0)
        UNION ALL
        SELECT cliente_id, saldo FROM extranjera) x
    GROUP BY cliente_id
), pagina AS (
    SELECT e.id, e.n, COALESCE(d.saldo, 0) AS saldo
    FROM unnest(@clientes::uuid[]) WITH ORDINALITY AS e(id, n) LEFT JOIN deuda d ON d.cliente_id = e.id
    ORDER BY CASE WHEN @descendente THEN -COALESCE(d.saldo, 0) ELSE COALESCE(d.saldo, 0) END, e.n
    OFFSET @saltar LIMIT @tomar
)
SELECT p.id, p.saldo,
       COALESCE((SELECT sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar))
                 FROM cartera.cuotas c CROSS JOIN valores v
                 WHERE c.empresa_id = @empresa AND c.cliente_id = p.id AND c.saldo > 0 AND (c.vigente OR c.delegada) AND c.fecha_vencimiento < @hoy), 0) AS vencido
FROM pagina p
ORDER BY CASE WHEN @descendente THEN -p.saldo ELSE p.saldo END, p.n
