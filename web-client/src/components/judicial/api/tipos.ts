import type { Cuerpo, Respuesta } from '@/api/types';

export type Agencia = Respuesta<'CrearAgencia'>;
export type DatosAgencia = Cuerpo<'CrearAgencia'>;
export type Derivacion = Respuesta<'CerrarDerivacion'>;
export type DatosDerivacion = Cuerpo<'DerivarAgencia'>;
export type Estudio = Respuesta<'CrearEstudio'>;
export type DatosEstudio = Cuerpo<'CrearEstudio'>;
export type Juicio = Respuesta<'ObtenerJuicio'>;
export type DatosJuicio = Cuerpo<'CrearJuicio'>;
export type DatosAudiencia = Cuerpo<'AgregarAudiencia'>;
export type DatosCosto = Cuerpo<'AgregarCosto'>;
export type Quiebra = Respuesta<'ObtenerQuiebra'>;
export type DatosQuiebra = Cuerpo<'RegistrarQuiebra'>;
