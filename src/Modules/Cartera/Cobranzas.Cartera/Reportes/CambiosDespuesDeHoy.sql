-- Whether anything of @empresa is dated after @hoy and so makes the balances at today's cut-off differ from the installments'
-- balances: applications dated later (still active), reversals dated later, documents cancelled, written off, ceded or
-- repurchased on a later date. Each is a range of an index; all are normally empty.
SELECT EXISTS (SELECT 1 FROM cartera.aplicaciones a WHERE a.empresa_id = @empresa AND a.fecha_reversa IS NULL AND a.fecha > @hoy)
    OR EXISTS (SELECT 1 FROM cartera.aplicaciones a WHERE a.empresa_id = @empresa AND a.fecha_reversa IS NOT NULL AND a.fecha_reversa > @hoy)
    OR EXISTS (SELECT 1 FROM cartera.documentos d
               WHERE d.empresa_id = @empresa AND (d.fecha_anulacion IS NOT NULL OR d.fecha_castigo IS NOT NULL OR d.fecha_cesion IS NOT NULL)
                 AND (d.fecha_anulacion > @hoy OR d.fecha_castigo > @hoy OR d.fecha_cesion > @hoy OR d.fecha_recompra > @hoy))
