import { useState } from 'react';
import { ApiError } from '@/api/errors';

/**
 * The Idempotency-Key of one form's submissions. The key is kept while a request got no answer (the network failed and the
 * person submits again: the server then returns the first answer instead of registering twice) and renewed as soon as the
 * server answered, success or problem, so the next submission is a new operation.
 */
export class ClaveIdempotencia {
  private clave = crypto.randomUUID();

  async enviar<T>(solicitud: (clave: string) => Promise<T>): Promise<T> {
    try {
      const respuesta = await solicitud(this.clave);
      this.renovar();
      return respuesta;
    } catch (e) {
      if (e instanceof ApiError) this.renovar();
      throw e;
    }
  }

  private renovar() {
    this.clave = crypto.randomUUID();
  }
}

export function useClaveIdempotencia(): ClaveIdempotencia {
  const [clave] = useState(() => new ClaveIdempotencia());
  return clave;
}
