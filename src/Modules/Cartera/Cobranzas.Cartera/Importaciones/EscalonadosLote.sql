-- The clients (and currencies) of the batch with an installment that offers less than its balance at the date of their
-- earliest new payment: an application reversed after that date, or a document issued after it (Retenidos.sql). What is free
-- only grows with the date, so for every other client the whole balance is free to each of its payments. Parameters:
-- @empresa, @enCartera.
WITH
candidatas AS (
    SELECT c.documento_id, c.numero, c.saldo, c.fecha_emision,
           (SELECT min(l.fecha) FROM lote_pagos l
            WHERE l.cliente_id = c.cliente_id AND l.moneda = c.moneda AND l.nuevo AND l.estado_cheque IS DISTINCT FROM @enCartera) AS desde
    FROM lote_cuotas c
),
aplicadas AS (
    SELECT documento_id, cuota, fecha, fecha_reversa, monto FROM cartera.aplicaciones WHERE empresa_id = @empresa
),
--#incluir ../Pagos/Retenidos.sql
INSERT INTO lote_escalonados (cliente_id, moneda)
SELECT DISTINCT c.cliente_id, c.moneda
FROM lote_cuotas c JOIN retenidos r ON r.documento_id = c.documento_id AND r.numero = c.numero;
