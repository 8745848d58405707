import { formatearPesos } from '@/lib/formato';
import type { MisIndicadores } from '@/features/gestion-trabajo/api/use-mis-indicadores';

/** The figures of the strip, each with the sentence that defines it. */
export function cifrasFranja(d: MisIndicadores) {
  return [
    {
      etiqueta: 'Contactos hoy',
      valor: String(d.contactosHoy),
      definicion: 'Actividades de hoy que llegaron al cliente.',
    },
    {
      etiqueta: 'Contactos del mes',
      valor: `${d.contactosMes} de ${d.actividadesMes}`,
      definicion:
        'Actividades del mes que llegaron al cliente (contactado, promesa, disputa, pago, se niega), de todas las registradas.',
    },
    {
      etiqueta: 'Compromisos del mes',
      valor: `${d.compromisosCumplidosMes} de ${d.compromisosTomadosMes} cumplidos`,
      definicion: `Compromisos tomados este mes (${formatearPesos(d.montoComprometidoMes)}); cumplidos: pagados por completo a su fecha más la gracia (${formatearPesos(d.montoCumplidoMes)} pagado).`,
    },
    {
      etiqueta: 'Recaudado del mes',
      valor: formatearPesos(d.recaudadoMes),
      definicion: 'Pagos aplicados este mes a documentos de sus clientes asignados.',
    },
  ];
}
