-- The clients assigned today to each collector (@cobrador: one collector, NULL = every one), narrowed to the filters'
-- clients (@clientes, NULL = all): the groups Cartera's collections of the productivity report are asked for.
-- Parameters: @empresa, @cobrador, @clientes.
SELECT s.cobrador_id, s.cliente_id
FROM gestion.asignaciones s
WHERE s.empresa_id = @empresa AND (@cobrador::uuid IS NULL OR s.cobrador_id = @cobrador)
  AND (@clientes::uuid[] IS NULL OR s.cliente_id = ANY (@clientes))
