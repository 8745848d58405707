-- One page of @clientes (in the caller's order, kept as the tie-breaker) ordered by today's overdue debt in CLP, descending
-- or ascending (@descendente), from the per-client read model (cartera.saldos_clientes): its vencido sums the open
-- installments due before the kept date (cartera.saldos_clientes_corte), so today's overdue adds the installments due from
-- that date to yesterday (or takes back those due from today on, if the kept date is ahead): one day's range of the due-date
-- index after the midnight roll. A client owing in UF or USD has those installments summed one by one at today's value.
-- As in DeudaOrdenadaClientesPorSaldo.sql, the installments ceded under administración delegada count (vencido_delegado).
-- Parameters: @empresa, @hoy, @clientes, @descendente, @saltar, @tomar.
WITH valores AS (
    SELECT cartera.valor_uf(@empresa, @hoy) AS uf, cartera.valor_dolar(@empresa, @hoy) AS dolar
), corte AS (
    SELECT COALESCE((SELECT fecha FROM cartera.saldos_clientes_corte), '-infinity'::date) AS fecha
), entre_corte_y_hoy AS (
    SELECT c.cliente_id, sum(CASE WHEN c.fecha_vencimiento < @hoy THEN c.saldo ELSE -c.saldo END) AS vencido
    FROM cartera.cuotas c CROSS JOIN corte k
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.moneda = 'CLP'
      AND c.fecha_vencimiento >= least(k.fecha, @hoy) AND c.fecha_vencimiento < greatest(k.fecha, @hoy)
    GROUP BY c.cliente_id
    UNION ALL
    SELECT c.cliente_id, sum(CASE WHEN c.fecha_vencimiento < @hoy THEN c.saldo ELSE -c.saldo END)
    FROM cartera.cuotas c CROSS JOIN corte k
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.delegada AND c.moneda = 'CLP'
      AND c.fecha_vencimiento >= least(k.fecha, @hoy) AND c.fecha_vencimiento < greatest(k.fecha, @hoy)
    GROUP BY c.cliente_id
), extranjera AS (
    SELECT c.cliente_id, sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) AS saldo,
           COALESCE(sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) FILTER (WHERE c.fecha_vencimiento < @hoy), 0) AS vencido
    FROM cartera.cuotas c CROSS JOIN valores v
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND (c.vigente OR c.delegada) AND c.moneda <> 'CLP'
      AND c.cliente_id IN (SELECT s.cliente_id FROM cartera.saldos_clientes s
                           WHERE s.empresa_id = @empresa AND s.moneda <> 'CLP' AND (s.saldo <> 0 OR s.saldo_delegado <> 0))
    GROUP BY c.cliente_id
), deuda AS (
    SELECT cliente_id, sum(saldo) AS saldo, sum(vencido) AS vencido FROM (
        SELECT s.cliente_id, s.saldo + s.saldo_delegado AS saldo, s.vencido + s.vencido_delegado AS vencido FROM cartera.saldos_clientes s
        WHERE s.empresa_id = @empresa AND s.moneda = 'CLP' AND (s.saldo <> 0 OR s.saldo_delegado <> 0)
        UNION ALL
        SELECT cliente_id, 0, vencido FROM entre_corte_y_hoy
        UNION ALL
        SELECT cliente_id, saldo, vencido FROM extranjera) x
    GROUP BY cliente_id
)
SELECT e.id, COALESCE(d.saldo, 0) AS saldo, COALESCE(d.vencido, 0) AS vencido
FROM unnest(@clientes::uuid[]) WITH ORDINALITY AS e(id, n) LEFT JOIN deuda d ON d.cliente_id = e.id
ORDER BY CASE WHEN @descendente THEN -COALESCE(d.vencido, 0) ELSE COALESCE(d.vencido, 0) END, e.n
OFFSET @saltar LIMIT @tomar
