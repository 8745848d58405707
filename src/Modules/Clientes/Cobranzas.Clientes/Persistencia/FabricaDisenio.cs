using Cobranzas.SharedKernel.Persistence;

namespace Cobranzas.Clientes.Persistencia;

public sealed class ClientesFabricaDisenio() : FabricaDisenio<ClientesDbContext>(ClientesDbContext.Esquema, (o, c, r) => new ClientesDbContext(o, c, r));
