/** The collection stages (Gestión), in the order a client moves through them, with their Spanish labels and colors. */
export const etapasCobranza = [
  { value: 'preventiva', label: 'Preventiva', color: 'blue' },
  { value: 'administrativa', label: 'Administrativa', color: 'yellow' },
  { value: 'ultima_gestion_interna', label: 'Última gestión interna', color: 'grape' },
  { value: 'prejudicial', label: 'Prejudicial', color: 'orange' },
  { value: 'judicial', label: 'Judicial', color: 'red' },
] as const;

export function etiquetaEtapa(etapa: string | null | undefined): string {
  return etapasCobranza.find((e) => e.value === etapa)?.label ?? 'Sin etapa';
}

export function colorEtapa(etapa: string | null | undefined): string {
  return etapasCobranza.find((e) => e.value === etapa)?.color ?? 'gray';
}
