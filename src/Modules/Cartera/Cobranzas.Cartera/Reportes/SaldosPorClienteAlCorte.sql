-- Every client's debt at a cut-off (@corte) in CLP, largest first: the aging's as-of statement (Antiguedad.sql, with the same
-- corrections from CambiosAlCorte.sql) reduced to what the concentration report and the top debtors read, each client's
-- total and overdue part. The aging groups by client and bucket and then folds the buckets into columns; here the open
-- installments are summed once per client, the plain GROUP BY's work. UF and USD installments are converted at the cut-off's
-- own value, as the aging does. Documents ceded under administración delegada are left out, as the aging does by default:
-- the money is the factor's. The last row (cliente_id NULL) carries the totals: overdue, number of clients, sum of their
-- squared totals, and the UF and USD installments without a value (counted only when the value is missing; the caller then
-- refuses the report, as the aging does). The columns are those of SaldosPorClienteHoy.sql.
-- Parameters: @empresa, @corte, @cliente (NULL: CambiosAlCorte.sql reads it), @clientes (NULL = all), @limite.
WITH
--#incluir ../Antiguedad/CambiosAlCorte.sql
,
valores AS (
    SELECT cartera.valor_uf(@empresa, @corte) AS uf, cartera.valor_dolar(@empresa, @corte) AS dolar
),
correcciones AS (
    -- The open installments touched after the cut-off leave today's sum, their balance at the cut-off joins it.
    SELECT c.cliente_id, c.moneda, c.fecha_vencimiento, -c.saldo AS saldo, -1 AS n
    FROM tocadas t JOIN cartera.cuotas c ON c.documento_id = t.documento_id AND c.numero = t.numero
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte
      AND (@clientes IS NULL OR c.cliente_id = ANY(@clientes))
    UNION ALL
    SELECT cliente_id, moneda, fecha_vencimiento, saldo, 1 AS n FROM al_corte
    WHERE NOT delegado AND (@clientes IS NULL OR cliente_id = ANY(@clientes))
),
abiertas AS (
    -- Straight from the partial index, in its client order, with the values as one-off subqueries rather than a join: the
    -- plan is the plain GROUP BY's.
    SELECT c.cliente_id,
           sum(cartera.en_clp(c.saldo, c.moneda, (SELECT uf FROM valores), (SELECT dolar FROM valores))) AS saldo,
           COALESCE(sum(cartera.en_clp(c.saldo, c.moneda, (SELECT uf FROM valores), (SELECT dolar FROM valores)))
               FILTER (WHERE c.fecha_vencimiento < @corte), 0) AS vencido
    FROM cartera.cuotas c
    WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte
      AND (@clientes IS NULL OR c.cliente_id = ANY(@clientes))
    GROUP BY c.cliente_id
),
corregidas AS (
    SELECT k.cliente_id, sum(cartera.en_clp(k.saldo, k.moneda, v.uf, v.dolar)) AS saldo,
           COALESCE(sum(cartera.en_clp(k.saldo, k.moneda, v.uf, v.dolar)) FILTER (WHERE k.fecha_vencimiento < @corte), 0) AS vencido
    FROM correcciones k CROSS JOIN valores v
    GROUP BY k.cliente_id
),
deuda AS (
    -- The corrections are few: joined to the open sums rather than summed again with them. Every installment left has a
    -- balance, so a client is in debt at the cut-off exactly when its sum is positive (with every value known).
    SELECT COALESCE(a.cliente_id, k.cliente_id) AS cliente_id, COALESCE(a.saldo, 0) + COALESCE(k.saldo, 0) AS saldo,
           COALESCE(a.vencido, 0) + COALESCE(k.vencido, 0) AS vencido
    FROM abiertas a FULL JOIN corregidas k ON k.cliente_id = a.cliente_id
    WHERE COALESCE(a.saldo, 0) + COALESCE(k.saldo, 0) > 0
),
sin_valor AS (
    -- Read only when a value is missing: one pass over the open installments in UF or USD, with the corrections.
    SELECT CASE WHEN v.uf IS NULL THEN x.en_uf END AS sin_uf, CASE WHEN v.dolar IS NULL THEN x.en_usd END AS sin_cambio
    FROM valores v CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE c.moneda = 'UF') + (SELECT COALESCE(sum(k.n), 0) FROM correcciones k WHERE k.moneda = 'UF') AS en_uf,
               count(*) FILTER (WHERE c.moneda = 'USD') + (SELECT COALESCE(sum(k.n), 0) FROM correcciones k WHERE k.moneda = 'USD') AS en_usd
        FROM cartera.cuotas c
        WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte AND c.moneda <> 'CLP'
          AND (@clientes IS NULL OR c.cliente_id = ANY(@clientes))
    ) x
    WHERE v.uf IS NULL OR v.dolar IS NULL
)
SELECT * FROM (
    SELECT cliente_id, saldo, vencido, 0::bigint AS clientes, 0::numeric AS cuadrados, 0::numeric AS sin_uf, 0::numeric AS sin_cambio FROM deuda
    ORDER BY saldo DESC, cliente_id LIMIT @limite
) pagina
UNION ALL
SELECT NULL, COALESCE(sum(saldo), 0), COALESCE(sum(vencido), 0), count(*), COALESCE(sum(saldo * saldo), 0),
       COALESCE((SELECT sin_uf FROM sin_valor), 0), COALESCE((SELECT sin_cambio FROM sin_valor), 0)
FROM deuda
