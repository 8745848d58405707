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
  };
}
