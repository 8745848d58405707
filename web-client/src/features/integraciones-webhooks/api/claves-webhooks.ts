/** Query keys of the webhook screens: one prefix, so a change refreshes the list and the delivery logs together. */
export const clavesWebhooks = {
  todo: ['integraciones', 'webhooks'] as const,
  eventos: ['integraciones', 'webhooks', 'eventos'] as const,
  lista: ['integraciones', 'webhooks', 'lista'] as const,
  entregas: (id: string, filtros: object) => ['integraciones', 'webhooks', 'entregas', id, filtros] as const,
  entrega: (id: string) => ['integraciones', 'webhooks', 'entrega', id] as const,
};
