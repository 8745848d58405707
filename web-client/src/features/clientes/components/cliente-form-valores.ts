import { vacioANulo } from '@/lib/formulario';
import type { Cliente, DatosCliente } from '@/features/clientes/api/tipos';

export interface ValoresCliente {
  rut: string;
  razonSocial: string;
  nombreFantasia: string;
  giro: string;
  direccion: string;
  comuna: string;
  region: string;
  segmento: string;
  cuentaClave: boolean;
  ejecutivoId: string;
  /** Consumer for the contact rules (Ley 21.320): 'rut' lets the RUT decide (persona natural below 50.000.000). */
  consumidor: 'rut' | 'si' | 'no';
  /** WGS84 coordinates for the field route map; empty: the comuna's centroid is used. */
  latitud: number | string;
  longitud: number | string;
}

export function valoresIniciales(c?: Cliente): ValoresCliente {
  return {
    rut: c?.rut ?? '',
    razonSocial: c?.razonSocial ?? '',
    nombreFantasia: c?.nombreFantasia ?? '',
    giro: c?.giro ?? '',
    direccion: c?.direccion ?? '',
    comuna: c?.comuna ?? '',
    region: c?.region ?? '',
    segmento: c?.segmento ?? '',
    cuentaClave: c?.cuentaClave ?? false,
    ejecutivoId: c?.ejecutivoId ?? '',
    consumidor: c?.consumidor == null ? 'rut' : c.consumidor ? 'si' : 'no',
    latitud: c?.latitud ?? '',
    longitud: c?.longitud ?? '',
  };
}

export function aDatosCliente(v: ValoresCliente): DatosCliente {
  return {
    rut: v.rut.trim(),
    razonSocial: v.razonSocial.trim(),
    nombreFantasia: vacioANulo(v.nombreFantasia),
    giro: vacioANulo(v.giro),
    direccion: vacioANulo(v.direccion),
    comuna: vacioANulo(v.comuna),
    region: vacioANulo(v.region),
    segmento: v.segmento,
    cuentaClave: v.cuentaClave,
    ejecutivoId: vacioANulo(v.ejecutivoId),
    consumidor: v.consumidor === 'rut' ? null : v.consumidor === 'si',
    latitud: v.latitud === '' ? null : Number(v.latitud),
    longitud: v.longitud === '' ? null : Number(v.longitud),
  };
}
