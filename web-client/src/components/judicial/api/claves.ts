/** Query keys of pre-legal and legal collection (Gestión, /api/v1/judicial). */
export const clavesJudicial = {
  todo: ['judicial'] as const,
  agencias: ['judicial', 'agencias'] as const,
  derivaciones: (clienteId?: string) => ['judicial', 'derivaciones', clienteId ?? 'todas'] as const,
  estudios: ['judicial', 'estudios'] as const,
  juicios: (clienteId?: string) => ['judicial', 'juicios', clienteId ?? 'todos'] as const,
  quiebras: ['judicial', 'quiebras'] as const,
  quiebra: (clienteId: string) => ['judicial', 'quiebra', clienteId] as const,
};
