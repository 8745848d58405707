using Cobranzas.Cartera.Comun;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

public sealed record DatosAnulacion(string Motivo);

public sealed record AnularDocumento(Guid Id, DatosAnulacion Cuerpo) : IRequest<DocumentoDto>;

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
        var documento = await db.Documentos.SingleOrDefaultAsync(d => d.Id == request.Id, cancellationToken)
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
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionDocumento.CargarAsync(db, mediator, reloj, documento.Id, cancellationToken);
    }
}
