-- The aging's drill-down: the documents with an installment that had a balance at @corte and fell due between @desde
-- and @hasta (the bucket's days past due, counted back from the cut-off), the same installments Antiguedad.sql sums in
-- that bucket; the documents ceded under administración delegada at the cut-off only with @delegados (the aging's
-- incluirCedidosDelegados). Parameters: @empresa, @corte, @cliente (NULL = all), @desde, @hasta, @delegados.
WITH
--#incluir ../Antiguedad/CambiosAlCorte.sql
SELECT c.documento_id FROM cartera.cuotas c
WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte
  AND (@cliente IS NULL OR c.cliente_id = @cliente)
  AND c.fecha_vencimiento BETWEEN @desde AND @hasta
  AND NOT EXISTS (SELECT 1 FROM tocadas t WHERE t.documento_id = c.documento_id AND t.numero = c.numero)
UNION
SELECT documento_id FROM al_corte WHERE fecha_vencimiento BETWEEN @desde AND @hasta AND (NOT delegado OR @delegados)
