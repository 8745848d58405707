import type { Cuerpo, Respuesta } from '@/api/types';

export type FactorResumen = Respuesta<'CrearFactor'>;
export type DatosFactor = Cuerpo<'CrearFactor'>;
export type CesionDocumento = Respuesta<'RegistrarNotificacionCesion'>;
export type DatosNotificacionCesion = Cuerpo<'RegistrarNotificacionCesion'>;
export type DatosCondicionesCesion = Cuerpo<'CambiarCondicionesCesion'>;
export type TransferenciaFactor = Respuesta<'RegistrarTransferenciaFactor'>;
export type DatosTransferencia = Cuerpo<'RegistrarTransferenciaFactor'>;
export type ConciliacionFactor = Respuesta<'ConciliarFactor'>;
