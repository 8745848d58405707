import type { operations } from '@/api/generated/schema';

/** Operation ids of the API (as named in the OpenAPI document). */
export type Operacion = keyof operations;

type Respuestas<K extends Operacion> = operations[K]['responses'];
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Exito<R> = R extends { 200: infer A } ? A : R extends { 201: infer B } ? B : never;

/** JSON body of the successful (200/201) response of an operation. */
export type Respuesta<K extends Operacion> = Json<Exito<Respuestas<K>>>;

/** JSON request body of an operation. */
export type Cuerpo<K extends Operacion> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** Query parameters of an operation, as named in the OpenAPI document. */
export type ConsultaApi<K extends Operacion> = operations[K] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

/**
 * Query parameters of an operation with camelCase names, as the API contract spells them.
 * The document names the properties of `[AsParameters]` records in PascalCase; ASP.NET Core
 * binds query keys case-insensitively, so both spellings reach the same parameter.
 */
export type Consulta<K extends Operacion> = {
  [P in keyof ConsultaApi<K> as Uncapitalize<P & string>]: ConsultaApi<K>[P];
};

/** Element type of an array type. */
export type Elemento<T> = T extends readonly (infer E)[] ? E : never;

export type Sesion = Respuesta<'IniciarSesion'>;
export type SesionActual = Respuesta<'ObtenerSesion'>;
export type EmpresaSesion = Elemento<Sesion['empresas']>;
export type Permiso = 'ver' | 'editar' | 'enviar_notificaciones' | 'supervisar' | 'administrar';
