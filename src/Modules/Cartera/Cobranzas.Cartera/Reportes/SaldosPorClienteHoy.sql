-- Every client's debt at today's cut-off (@hoy) in CLP, largest first, from the per-client read model (cartera.saldos_clientes)
-- instead of the aging's as-of statement: the caller uses it only when nothing is dated after today (applications, their
-- reversals, cancellations, write-offs, cessions), so today's installment balances are the balances at the cut-off. Two
-- corrections make it the aging's figure: installments issued after today are taken out (they are not due yet either), and
-- the overdue part adds the installments due between the kept date (cartera.saldos_clientes_corte) and today. UF and USD
-- installments are converted one by one at today's value, as the statement does. The last row (cliente_id NULL) carries the
-- totals: overdue, number of clients, sum of their squared totals, and the UF and USD installments without a value.
-- Parameters: @empresa, @hoy, @clientes (NULL = all), @limite.
WITH valores AS (
    SELECT cartera.valor_uf(@empresa, @hoy) AS uf, cartera.valor_dolar(@empresa, @hoy) AS dolar
), corte AS (
    SELECT COALESCE((SELECT fecha FROM cartera.saldos_clientes_corte), '-infinity'::date) AS fecha
), movimientos AS (
    SELECT s.cliente_id, s.saldo, s.vencido, 0 AS extranjeras, 0 AS sin_uf, 0 AS sin_cambio
    FROM cartera.saldos_clientes s
    WHERE s.empresa_id = @empresa AND s.moneda = 'CLP' AND s.saldo <> 0
    UNION ALL
    SELECT c.cliente_id, 0, sum(CASE WHEN c.fecha_vencimiento < @hoy THEN c.saldo ELSE -c.saldo END), 0, 0, 0
    FROM cartera.cuotas c CROSS JOIN corte k
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.moneda = 'CLP'
      AND c.fecha_vencimiento >= least(k.fecha, @hoy) AND c.fecha_vencimiento < greatest(k.fecha, @hoy)
    GROUP BY c.cliente_id
    UNION ALL
    -- Issued after today: due after today too (a due date is never before the issue date).
    SELECT c.cliente_id, -sum(c.saldo), 0, 0, 0, 0
    FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.moneda = 'CLP' AND c.fecha_vencimiento > @hoy AND c.fecha_emision > @hoy
    GROUP BY c.cliente_id
    UNION ALL
    SELECT c.cliente_id, sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)),
           COALESCE(sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) FILTER (WHERE c.fecha_vencimiento < @hoy), 0), count(*),
           count(*) FILTER (WHERE c.moneda = 'UF' AND v.uf IS NULL), count(*) FILTER (WHERE c.moneda = 'USD' AND v.dolar IS NULL)
    FROM cartera.cuotas c CROSS JOIN valores v
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.moneda <> 'CLP' AND c.fecha_emision <= @hoy
      AND c.cliente_id IN (SELECT s.cliente_id FROM cartera.saldos_clientes s WHERE s.empresa_id = @empresa AND s.moneda <> 'CLP' AND s.saldo <> 0)
    GROUP BY c.cliente_id
), deuda AS (
    SELECT cliente_id, COALESCE(sum(saldo), 0) AS saldo, COALESCE(sum(vencido), 0) AS vencido,
           sum(sin_uf) AS sin_uf, sum(sin_cambio) AS sin_cambio
    FROM movimientos
    WHERE @clientes::uuid[] IS NULL OR cliente_id = ANY(@clientes)
    GROUP BY cliente_id
    HAVING sum(saldo) > 0 OR sum(extranjeras) > 0
)
SELECT * FROM (
    SELECT cliente_id, saldo, vencido, 0::bigint AS clientes, 0::numeric AS cuadrados, 0::numeric AS sin_uf, 0::numeric AS sin_cambio FROM deuda
    ORDER BY saldo DESC, cliente_id LIMIT @limite
) pagina
UNION ALL
SELECT NULL, COALESCE(sum(saldo), 0), COALESCE(sum(vencido), 0), count(*), COALESCE(sum(saldo * saldo), 0), COALESCE(sum(sin_uf), 0), COALESCE(sum(sin_cambio), 0)
FROM deuda
