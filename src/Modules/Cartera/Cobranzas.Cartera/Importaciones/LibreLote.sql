-- Each open installment of the batch offers only what is free at the earliest date of its client's new payments in its
-- currency and at every later date (Retenidos.sql). What is free only grows with the date, so whichever payment of the batch
-- takes it, no past cut-off shows the installment over-applied. Parameters: @empresa, @enCartera.
WITH
candidatas AS (
    SELECT c.documento_id, c.numero,
           (SELECT min(l.fecha) FROM lote_pagos l
            WHERE l.cliente_id = c.cliente_id AND l.moneda = c.moneda AND l.nuevo AND l.estado_cheque IS DISTINCT FROM @enCartera) AS desde
    FROM lote_cuotas c
),
--#incluir ../Pagos/Retenidos.sql
UPDATE lote_cuotas c SET saldo = greatest(0, c.saldo - r.retenido)
FROM retenidos r WHERE r.documento_id = c.documento_id AND r.numero = c.numero;
DELETE FROM lote_cuotas WHERE saldo <= 0;
