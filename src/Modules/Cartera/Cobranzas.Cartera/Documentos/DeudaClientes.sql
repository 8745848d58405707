-- Today's open debt of each client of @empresa (or of @clientes), in CLP: the open installments (partial index), the
-- overdue part, the oldest due date among the installments of documents not in @excluidos, and the open and overdue
-- document counts. Documents ceded under administración delegada count too: the company still collects them for the
-- factor, so they stay in the worklist, escalation and reminders (cuotas.delegada, kept by ReglasCartera.MarcarVigencia). Parameters: @empresa, @hoy, @clientes (NULL = every
-- client), @excluidos.
WITH valores AS (
    SELECT cartera.valor_uf(@empresa, @hoy) AS uf, cartera.valor_dolar(@empresa, @hoy) AS dolar
), abiertas AS (
    SELECT c.cliente_id, c.documento_id, c.saldo, c.moneda, c.fecha_vencimiento
    FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente
      AND (@clientes::uuid[] IS NULL OR c.cliente_id = ANY (@clientes))
    UNION ALL
    SELECT c.cliente_id, c.documento_id, c.saldo, c.moneda, c.fecha_vencimiento
    FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.delegada
      AND (@clientes::uuid[] IS NULL OR c.cliente_id = ANY (@clientes))
)
SELECT c.cliente_id,
       COALESCE(sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)), 0) AS saldo,
       COALESCE(sum(cartera.en_clp(c.saldo, c.moneda, v.uf, v.dolar)) FILTER (WHERE c.fecha_vencimiento < @hoy), 0) AS vencido,
       min(c.fecha_vencimiento) FILTER (WHERE NOT c.documento_id = ANY (@excluidos)) AS vencimiento_mas_antiguo,
       count(DISTINCT c.documento_id)::int AS documentos,
       count(DISTINCT c.documento_id) FILTER (WHERE c.fecha_vencimiento < @hoy)::int AS vencidos
FROM abiertas c CROSS JOIN valores v
GROUP BY c.cliente_id
