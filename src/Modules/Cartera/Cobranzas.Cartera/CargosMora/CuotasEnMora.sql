-- A client's overdue installments at @fecha, for the late charges: the balance at @fecha and the "saldo-días" interest
-- accrues on (the sum of each day's balance from the day after the due date to @fecha). An application lowers the balance
-- from its date until the day before its reversal, as in the aging at a cut-off; documents cancelled, written off or ceded
-- at @fecha are out. Parameters: @empresa, @cliente, @fecha.
SELECT documento_id, tipo, folio, numero, moneda, fecha_vencimiento, saldo, saldo_dias,
       cartera.en_clp(saldo, moneda, v.uf, v.dolar) AS saldo_clp, v.uf, v.dolar
FROM (
    SELECT d.id AS documento_id, d.tipo, d.folio, c.numero, c.moneda, c.fecha_vencimiento,
           c.monto - COALESCE(sum(a.monto) FILTER (WHERE a.fecha <= @fecha AND (a.fecha_reversa IS NULL OR a.fecha_reversa > @fecha)), 0) AS saldo,
           c.monto * (@fecha - c.fecha_vencimiento)
             - COALESCE(sum(a.monto * GREATEST(0, LEAST(@fecha, COALESCE(a.fecha_reversa - 1, @fecha)) - GREATEST(c.fecha_vencimiento + 1, a.fecha) + 1)), 0)
             AS saldo_dias
    FROM cartera.cuotas c
    JOIN cartera.documentos d ON d.id = c.documento_id
    LEFT JOIN cartera.aplicaciones a ON a.documento_id = c.documento_id AND a.cuota = c.numero
    WHERE c.empresa_id = @empresa AND c.cliente_id = @cliente AND c.fecha_vencimiento < @fecha AND d.fecha_emision <= @fecha
      AND NOT cartera.es_nota_credito(d.tipo)
      AND cartera.en_cartera_al(d.fecha_anulacion, d.fecha_castigo, d.fecha_cesion, d.fecha_recompra, @fecha)
    GROUP BY d.id, d.tipo, d.folio, c.numero, c.moneda, c.fecha_vencimiento, c.monto
) cuotas
CROSS JOIN (SELECT cartera.valor_uf(@empresa, @fecha) AS uf, cartera.valor_dolar(@empresa, @fecha) AS dolar) v
WHERE saldo > 0
ORDER BY fecha_vencimiento, folio, numero
