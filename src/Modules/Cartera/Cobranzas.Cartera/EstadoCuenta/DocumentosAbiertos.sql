-- A client's installments with a balance at @corte (the aging's: open installments plus what changed after the cut-off),
-- with their document and their CLP value as the aging converts it. One row per installment: the join hashes the
-- client's documents (read by its index); grouping per document, sorting and the client's aging are left to the reader,
-- which costs far less there than a hash aggregate, a sort and a second statement over the same installments. The
-- documents ceded under administración delegada at the cut-off are listed too (the debtor still pays them to the company),
-- with the factor they belong to.
-- Parameters: @empresa, @cliente, @corte.
WITH
--#incluir ../Antiguedad/CambiosAlCorte.sql
,
saldos AS (
    -- Open now and untouched since the cut-off (the usual case: no anti-join at all when nothing was touched).
    SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, c.saldo, c.documento_id, c.numero, false AS delegado
    FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte AND c.cliente_id = @cliente
      AND NOT EXISTS (SELECT 1 FROM tocadas)
    UNION ALL
    SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, c.saldo, c.documento_id, c.numero, false
    FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte AND c.cliente_id = @cliente
      AND EXISTS (SELECT 1 FROM tocadas)
      AND NOT EXISTS (SELECT 1 FROM tocadas t WHERE t.documento_id = c.documento_id AND t.numero = c.numero)
    UNION ALL
    SELECT * FROM al_corte
)
SELECT d.id, d.tipo, d.folio, d.fecha_emision, d.fecha_vencimiento, d.moneda, d.total, s.saldo, s.fecha_vencimiento,
       s.moneda, cartera.en_clp(s.saldo, s.moneda, (SELECT cartera.valor_uf(@empresa, @corte)),
                                (SELECT cartera.valor_dolar(@empresa, @corte))),
       CASE WHEN s.delegado THEN d.factor_nombre END
FROM saldos s
JOIN cartera.documentos d ON d.id = s.documento_id
WHERE d.empresa_id = @empresa AND d.cliente_id = @cliente
