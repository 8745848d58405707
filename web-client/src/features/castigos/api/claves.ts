export const claveCastigos = ['cartera', 'castigos'] as const;
