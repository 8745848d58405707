import type { Consulta, Cuerpo, Elemento, Respuesta } from '@/api/types';

export type Compromiso = Respuesta<'ObtenerCompromiso'>;
export type CuotaCompromiso = Elemento<Compromiso['cuotas']>;
export type DatosCompromiso = Cuerpo<'TomarCompromiso'>;
export type FiltrosCompromisos = Consulta<'ListarCompromisos'>;
export type Disputa = Respuesta<'ObtenerDisputa'>;
export type DatosDisputa = Cuerpo<'AbrirDisputa'>;
export type FiltrosDisputas = Consulta<'ListarDisputas'>;
export type MotivoDisputa = Elemento<Respuesta<'ListarMotivosDisputa'>>;
