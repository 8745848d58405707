-- Aging at @corte: each installment's balance as it was that day, in CLP, summed per client (or, when @por_cliente is
-- false, for the whole company) and per bucket. @inicios holds the first day of every bucket after the first, so
-- width_bucket gives the bucket's position (0 = por vencer). The last row (cliente_id NULL) carries the totals, so a
-- page past the end still answers them, and with @por_cliente the number of clients and the sum of their squared totals
-- (the Herfindahl index without sending every client). Parameters: @empresa, @corte, @base ('vencimiento' or 'emision'), @cliente
-- (NULL = all), @clientes (the report filters' clients, NULL = all), @uf and @dolar (the values UF and USD amounts are
-- converted at; NULL when there is none: those rows are counted apart), @inicios, @por_cliente, @limite (NULL = every
-- client), @saltar, @delegados: 'no' leaves out the documents ceded under administración delegada at the cut-off,
-- 'aparte' sums them only in the d0..d11 and total_delegado columns, 'incluidos' also in the buckets and the total.
WITH
--#incluir CambiosAlCorte.sql
,
correcciones AS (
    -- The open installments touched after the cut-off leave today's sum, their balance at the cut-off joins it.
    SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, -c.saldo AS saldo, -1 AS n, false AS delegado
    FROM tocadas t JOIN cartera.cuotas c ON c.documento_id = t.documento_id AND c.numero = t.numero
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte
      AND (@cliente IS NULL OR c.cliente_id = @cliente) AND (@clientes IS NULL OR c.cliente_id = ANY(@clientes))
    UNION ALL
    SELECT cliente_id, moneda, fecha_emision, fecha_vencimiento, saldo, 1 AS n, delegado FROM al_corte
    WHERE (@clientes IS NULL OR cliente_id = ANY(@clientes)) AND (NOT delegado OR @delegados <> 'no')
),
por_tramo AS (
    -- The open installments are summed straight from the partial index, with no reference to the CTEs, so the planner
    -- can give that aggregate parallel workers. n counts installments with a balance, so a client whose open
    -- installments were all paid by the cut-off drops out as if it had no rows.
    SELECT CASE WHEN @por_cliente THEN c.cliente_id END AS cliente_id,
           width_bucket(@corte - CASE WHEN @base = 'emision' THEN c.fecha_emision ELSE c.fecha_vencimiento END, @inicios) AS tramo,
           sum(cartera.en_clp(c.saldo, c.moneda, @uf::numeric, @dolar::numeric)) AS saldo_clp,
           count(*) FILTER (WHERE c.moneda = 'UF' AND @uf::numeric IS NULL) AS sin_uf,
           count(*) FILTER (WHERE c.moneda = 'USD' AND @dolar::numeric IS NULL) AS sin_cambio,
           count(*) AS n,
           false AS delegado
    FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte
      AND (@cliente IS NULL OR c.cliente_id = @cliente) AND (@clientes IS NULL OR c.cliente_id = ANY(@clientes))
    GROUP BY 1, 2
    UNION ALL
    SELECT CASE WHEN @por_cliente THEN k.cliente_id END,
           width_bucket(@corte - CASE WHEN @base = 'emision' THEN k.fecha_emision ELSE k.fecha_vencimiento END, @inicios),
           sum(cartera.en_clp(k.saldo, k.moneda, @uf::numeric, @dolar::numeric)),
           COALESCE(sum(k.n) FILTER (WHERE k.moneda = 'UF' AND @uf::numeric IS NULL), 0),
           COALESCE(sum(k.n) FILTER (WHERE k.moneda = 'USD' AND @dolar::numeric IS NULL), 0),
           sum(k.n),
           k.delegado
    FROM correcciones k
    GROUP BY 1, 2, k.delegado
),
en_total AS (
    SELECT cliente_id, tramo, CASE WHEN NOT delegado OR @delegados = 'incluidos' THEN saldo_clp ELSE 0 END AS saldo_clp,
           CASE WHEN delegado THEN saldo_clp ELSE 0 END AS delegado_clp, sin_uf, sin_cambio, n
    FROM por_tramo
),
grupos AS (
    -- One column per bucket, as many as a company can configure (ten limits: por vencer, ten buckets and the last one).
    SELECT cliente_id,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 0), 0) AS t0,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 1), 0) AS t1,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 2), 0) AS t2,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 3), 0) AS t3,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 4), 0) AS t4,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 5), 0) AS t5,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 6), 0) AS t6,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 7), 0) AS t7,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 8), 0) AS t8,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 9), 0) AS t9,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 10), 0) AS t10,
           COALESCE(sum(saldo_clp) FILTER (WHERE tramo = 11), 0) AS t11,
           COALESCE(sum(saldo_clp), 0) AS total, sum(sin_uf) AS sin_uf, sum(sin_cambio) AS sin_cambio,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 0), 0) AS d0,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 1), 0) AS d1,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 2), 0) AS d2,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 3), 0) AS d3,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 4), 0) AS d4,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 5), 0) AS d5,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 6), 0) AS d6,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 7), 0) AS d7,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 8), 0) AS d8,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 9), 0) AS d9,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 10), 0) AS d10,
           COALESCE(sum(delegado_clp) FILTER (WHERE tramo = 11), 0) AS d11,
           COALESCE(sum(delegado_clp), 0) AS total_delegado
    FROM en_total GROUP BY cliente_id HAVING sum(n) > 0
)
SELECT * FROM (
    SELECT cliente_id, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, total, sin_uf, sin_cambio, 0::bigint AS grupos, 0::numeric AS cuadrados,
           d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, total_delegado
    FROM grupos
    WHERE cliente_id IS NOT NULL
    ORDER BY total DESC, cliente_id LIMIT @limite OFFSET @saltar
) pagina
UNION ALL
SELECT NULL, COALESCE(sum(t0), 0), COALESCE(sum(t1), 0), COALESCE(sum(t2), 0), COALESCE(sum(t3), 0), COALESCE(sum(t4), 0), COALESCE(sum(t5), 0), COALESCE(sum(t6), 0), COALESCE(sum(t7), 0), COALESCE(sum(t8), 0), COALESCE(sum(t9), 0), COALESCE(sum(t10), 0), COALESCE(sum(t11), 0),
       COALESCE(sum(total), 0), COALESCE(sum(sin_uf), 0), COALESCE(sum(sin_cambio), 0), CASE WHEN @por_cliente THEN count(*) ELSE 0 END,
       CASE WHEN @por_cliente THEN COALESCE(sum(total * total), 0) ELSE 0 END,
       COALESCE(sum(d0), 0), COALESCE(sum(d1), 0), COALESCE(sum(d2), 0), COALESCE(sum(d3), 0), COALESCE(sum(d4), 0), COALESCE(sum(d5), 0), COALESCE(sum(d6), 0), COALESCE(sum(d7), 0), COALESCE(sum(d8), 0), COALESCE(sum(d9), 0), COALESCE(sum(d10), 0), COALESCE(sum(d11), 0),
       COALESCE(sum(total_delegado), 0)
FROM grupos
