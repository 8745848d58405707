-- Retenidos.sql for the installments of @documentos and an application dated @desde.
WITH
candidatas AS (
    SELECT c.documento_id, c.numero, @desde AS desde FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.documento_id = ANY(@documentos)
),
--#incluir Retenidos.sql
SELECT documento_id, numero, retenido FROM retenidos
