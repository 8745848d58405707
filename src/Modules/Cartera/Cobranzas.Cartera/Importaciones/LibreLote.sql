-- What the installments of payment @pago's client (in its currency) offer it: what is free at the payment's date and at every
-- later date (Retenidos.sql), counting what the batch's earlier payments took as applications already made. Run for the
-- payments of the clients in lote_escalonados, one at a time in the file's order, as if each were registered alone.
-- Parameters: @empresa, @pago.
WITH
pago AS (SELECT cliente_id, moneda, fecha FROM lote_pagos WHERE id = @pago),
candidatas AS (
    SELECT c.documento_id, c.numero, p.fecha AS desde, c.fecha_emision,
           c.saldo_base - COALESCE((SELECT sum(a.monto) FROM lote_aplicaciones a WHERE a.documento_id = c.documento_id AND a.numero = c.numero), 0) AS saldo
    FROM lote_cuotas c JOIN pago p ON p.cliente_id = c.cliente_id AND p.moneda = c.moneda
),
aplicadas AS (
    SELECT documento_id, cuota, fecha, fecha_reversa, monto FROM cartera.aplicaciones WHERE empresa_id = @empresa
    UNION ALL
    SELECT documento_id, numero, fecha, NULL, monto FROM lote_aplicaciones
),
--#incluir ../Pagos/Retenidos.sql
UPDATE lote_cuotas c SET saldo = greatest(0, k.saldo - COALESCE(r.retenido, 0))
FROM candidatas k LEFT JOIN retenidos r ON r.documento_id = k.documento_id AND r.numero = k.numero
WHERE c.documento_id = k.documento_id AND c.numero = k.numero;
