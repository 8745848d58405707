using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

public sealed record DatosAnulacion(string Motivo);

public sealed record AnularDocumento(Guid Id, DatosAnulacion Cuerpo) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos/{id:guid}/anular", async Task<Ok<DocumentoDto>> (Guid id, DatosAnulacion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AnularDocumento(id, body), ct)))
        .WithName("AnularDocumento").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class AnularDocumentoValidator : AbstractValidator<AnularDocumento>
{
    public AnularDocumentoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo));
}

/// <summary>Money already applied to or from the document must be reversed first, so no peso is lost on the way.</summary>
public sealed class AnularDocumentoHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<AnularDocumento, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(AnularDocumento request, CancellationToken cancellationToken)
    {
        var documento = await db.Documentos.Include(d => d.Cuotas).SingleOrDefaultAsync(d => d.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Documento", request.Id);
        if (documento.FechaAnulacion is not null)
            throw new ReglaNegocioException("id", "ya_anulado", "El documento ya está anulado.");
        if (documento.FechaCastigo is not null || ReglasCartera.EsCedido(documento))
            throw new ReglaNegocioException("id", "castigado_o_cedido", "Un documento castigado o cedido no se anula.");
        if (await db.Aplicaciones.AnyAsync(a => (a.DocumentoId == documento.Id || a.NotaCreditoId == documento.Id) && a.FechaReversa == null, cancellationToken))
            throw new ReglaNegocioException("id", "con_aplicaciones", "El documento tiene aplicaciones activas; revérselas antes de anularlo.");

        documento.FechaAnulacion = FechaNegocio.Hoy(reloj);
        documento.MotivoAnulacion = request.Cuerpo.Motivo.Trim();
        documento.AnuladoPor = contexto.Actor;
        // A cancelled document owes nothing (a cancelled credit note credits nothing); its amount is explained by the
        // cancellation itself, and the aging rebuilds its balance at cut-offs before it from the applications.
        documento.Saldo = 0;
        foreach (var cuota in documento.Cuotas)
            cuota.Saldo = 0;
        ReglasCartera.MarcarVigencia(documento);
        await db.SaveChangesAsync(cancellationToken);
        await mediator.Publish(EventoNegocio.Uno(contexto.EmpresaId, TiposEventoNegocio.DocumentoAnulado, documento.Id, DocumentoEvento.De(documento), reloj.GetUtcNow()), cancellationToken);
        return await ProyeccionDocumento.CargarAsync(db, mediator, reloj, documento.Id, cancellationToken);
    }
}
