-- Productivity of collectors: per collector (ordered by name), its activities and contacts dated in [@inicio, @fin) and
-- the promises it took from @desde to @hasta (not cancelled: taken, promised, kept in full, paid against them). A collector
-- is listed when active or when it has activities or promises in the period. Parameters: @empresa, @inicio, @fin, @desde,
-- @hasta, @contacto (the results that reached the client), @cobrador (NULL = every collector), @clientes (the filters'
-- clients, NULL = all). The clients assigned to each collector, which Cartera's collections are asked for, are read first
-- (ProductividadAsignados.sql) so that Cartera's statement runs while this one does.
-- Each aggregate is MATERIALIZED so it runs once: with few collectors (or none yet analysed, estimated at one row) the planner
-- otherwise joins them by nested loop and runs the scan of the period's activities once per collector.
WITH actividades AS MATERIALIZED (
    SELECT a.cobrador_id, count(*) AS n, count(*) FILTER (WHERE a.resultado = ANY (@contacto)) AS contactos
    FROM gestion.actividades a
    WHERE a.empresa_id = @empresa AND a.cobrador_id IS NOT NULL AND a.fecha >= @inicio AND a.fecha < @fin
      AND (@cobrador::uuid IS NULL OR a.cobrador_id = @cobrador) AND (@clientes::uuid[] IS NULL OR a.cliente_id = ANY (@clientes))
    GROUP BY a.cobrador_id
),
compromisos AS MATERIALIZED (
    SELECT c.cobrador_id, count(*) AS n, sum(c.monto) AS monto, count(*) FILTER (WHERE c.estado = 'cumplido') AS cumplidos,
           sum(c.monto_cumplido) AS pagado
    FROM gestion.compromisos c
    WHERE c.empresa_id = @empresa AND c.cobrador_id IS NOT NULL AND c.estado <> 'anulado' AND c.desde BETWEEN @desde AND @hasta
      AND (@cobrador::uuid IS NULL OR c.cobrador_id = @cobrador) AND (@clientes::uuid[] IS NULL OR c.cliente_id = ANY (@clientes))
    GROUP BY c.cobrador_id
)
SELECT k.id, k.nombre, COALESCE(a.n, 0)::int, COALESCE(a.contactos, 0)::int, COALESCE(p.n, 0)::int, COALESCE(p.monto, 0),
       COALESCE(p.cumplidos, 0)::int, COALESCE(p.pagado, 0)
FROM gestion.cobradores k
LEFT JOIN actividades a ON a.cobrador_id = k.id
LEFT JOIN compromisos p ON p.cobrador_id = k.id
WHERE k.empresa_id = @empresa AND (@cobrador::uuid IS NULL OR k.id = @cobrador) AND (k.activo OR a.n IS NOT NULL OR p.n IS NOT NULL)
ORDER BY k.nombre
