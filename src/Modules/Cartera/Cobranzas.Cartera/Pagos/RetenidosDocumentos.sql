-- Retenidos.sql for the installments of @documentos and an application dated @desde.
WITH
candidatas AS (
    SELECT c.documento_id, c.numero, @desde AS desde, c.saldo, c.fecha_emision FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.documento_id = ANY(@documentos)
),
aplicadas AS (
    SELECT documento_id, cuota, fecha, fecha_reversa, monto FROM cartera.aplicaciones WHERE empresa_id = @empresa
),
--#incluir Retenidos.sql
SELECT documento_id, numero, retenido FROM retenidos
