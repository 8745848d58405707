import type { Consulta, Cuerpo, Elemento, Respuesta } from '@/api/types';

export type Documento = Respuesta<'ObtenerDocumento'>;
export type PaginaDocumentos = Respuesta<'ListarDocumentos'>;
export type DocumentoResumen = Elemento<PaginaDocumentos['items']>;
export type Aplicacion = Elemento<Documento['aplicaciones']>;
export type DatosDocumento = Cuerpo<'CrearDocumento'>;
export type FiltrosDocumentos = Consulta<'ListarDocumentos'>;
export type Pago = Respuesta<'ObtenerPago'>;
export type PagoResumen = Elemento<Respuesta<'ListarPagos'>['items']>;
export type FiltrosPagos = Consulta<'ListarPagos'>;
export type DatosPago = Cuerpo<'RegistrarPago'>;
export type VistaPrevia = Respuesta<'VistaPreviaPago'>;
export type Antiguedad = Respuesta<'AntiguedadCartera'>;
export type FiltrosAntiguedad = Consulta<'AntiguedadCartera'>;
export type ValorUf = Elemento<Respuesta<'ListarValoresUf'>>;
export type ValorUfPropio = Elemento<Cuerpo<'GuardarValoresUf'>>;
export type FiltrosValoresUf = Consulta<'ListarValoresUf'>;
