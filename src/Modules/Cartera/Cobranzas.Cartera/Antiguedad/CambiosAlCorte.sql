-- What makes an installment's balance at @corte differ from today's, for @empresa (and @cliente when it is not NULL).
-- Included by Antiguedad.sql, EstadoCuenta/DocumentosAbiertos.sql and Documentos/TramoAlCorte.sql after their WITH;
-- defines ajustes, especiales, tocadas and al_corte. al_corte also holds the installments of documents ceded under
-- administración delegada at the cut-off (delegado = true): each reader decides whether they count.
ajustes AS MATERIALIZED (
    -- What changed after the cut-off, per installment: active applications dated after it are added back,
    -- applications that counted at the cut-off and were reversed after it are taken away again.
    SELECT documento_id, cuota, sum(monto) AS ajuste FROM (
        SELECT a.documento_id, a.cuota, a.monto FROM cartera.aplicaciones a
        WHERE a.empresa_id = @empresa AND a.fecha_reversa IS NULL AND a.fecha > @corte
        UNION ALL
        SELECT a.documento_id, a.cuota, -a.monto FROM cartera.aplicaciones a
        WHERE a.empresa_id = @empresa AND a.fecha_reversa > @corte AND a.fecha <= @corte
    ) x GROUP BY documento_id, cuota
),
especiales AS MATERIALIZED (
    -- Documents cancelled, written off or ceded (now or once): whether they count depends on the cut-off date.
    SELECT d.id, d.cliente_id, d.moneda, d.fecha_emision, d.fecha_anulacion, d.fecha_castigo, d.fecha_cesion, d.fecha_recompra,
           cartera.cedido_delegado_al(d.administracion_delegada, d.fecha_anulacion, d.fecha_castigo, d.fecha_cesion, d.fecha_recompra, @corte) AS delegado
    FROM cartera.documentos d
    WHERE d.empresa_id = @empresa AND (d.fecha_anulacion IS NOT NULL OR d.fecha_castigo IS NOT NULL OR d.fecha_cesion IS NOT NULL)
      AND (@cliente IS NULL OR d.cliente_id = @cliente)
),
tocadas AS MATERIALIZED (
    -- The installments of either, whose balance at the cut-off is not today's.
    SELECT documento_id, cuota AS numero FROM ajustes
    UNION
    SELECT c.documento_id, c.numero FROM especiales e JOIN cartera.cuotas c ON c.documento_id = e.id
),
al_corte AS (
    -- The touched installments with a balance at the cut-off.
    -- Touched after the cut-off (open or paid now): today's balance plus the adjustment.
    SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, c.saldo + aj.ajuste AS saldo, c.documento_id, c.numero,
           false AS delegado
    FROM ajustes aj JOIN cartera.cuotas c ON c.documento_id = aj.documento_id AND c.numero = aj.cuota
    WHERE c.empresa_id = @empresa AND c.fecha_emision <= @corte AND c.saldo + aj.ajuste > 0
      AND (@cliente IS NULL OR c.cliente_id = @cliente)
      AND NOT EXISTS (SELECT 1 FROM especiales e WHERE e.id = c.documento_id)
    UNION ALL
    -- Cancelled, written off or ceded: rebuilt from the applications, if the document counts at the cut-off (its own or
    -- collected for a factor).
    SELECT e.cliente_id, e.moneda, e.fecha_emision, c.fecha_vencimiento, c.monto - COALESCE(ap.aplicado, 0), c.documento_id, c.numero,
           e.delegado
    FROM especiales e
    JOIN cartera.cuotas c ON c.documento_id = e.id
    LEFT JOIN LATERAL (
        SELECT sum(a.monto) AS aplicado FROM cartera.aplicaciones a
        WHERE a.documento_id = c.documento_id AND a.cuota = c.numero AND a.fecha <= @corte
          AND (a.fecha_reversa IS NULL OR a.fecha_reversa > @corte)
    ) ap ON true
    WHERE e.fecha_emision <= @corte
      AND (cartera.en_cartera_al(e.fecha_anulacion, e.fecha_castigo, e.fecha_cesion, e.fecha_recompra, @corte) OR e.delegado)
      AND c.monto - COALESCE(ap.aplicado, 0) > 0
)
