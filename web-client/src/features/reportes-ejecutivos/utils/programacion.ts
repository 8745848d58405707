export const diasSemana = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];

export interface FormularioReporteEjecutivo {
  nombre: string;
  frecuencia: 'semanal' | 'mensual';
  diaSemana: number;
  diaMes: number;
  hora: string;
  grupoClienteId: string | null;
  usuarioIds: string[];
  activo: boolean;
}

export interface CuerpoReporteEjecutivo {
  nombre: string;
  frecuencia: string;
  diaSemana: number | null;
  diaMes: number | null;
  hora: string;
  grupoClienteId: string | null;
  usuarioIds: string[];
  activo: boolean;
}

export const formularioVacio: FormularioReporteEjecutivo = {
  nombre: '',
  frecuencia: 'semanal',
  diaSemana: 1,
  diaMes: 1,
  hora: '08:00',
  grupoClienteId: null,
  usuarioIds: [],
  activo: true,
};

/** `8:00`, `08:00` or `08:00:00` → `08:00`; null when it is not an hour. */
export function normalizarHora(hora: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(hora.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** What the API takes: only the day the frequency uses, the hour with seconds. */
export function cuerpoReporte(f: FormularioReporteEjecutivo): CuerpoReporteEjecutivo {
  return {
    nombre: f.nombre.trim(),
    frecuencia: f.frecuencia,
    diaSemana: f.frecuencia === 'semanal' ? f.diaSemana : null,
    diaMes: f.frecuencia === 'mensual' ? f.diaMes : null,
    hora: `${normalizarHora(f.hora) ?? f.hora}:00`,
    grupoClienteId: f.grupoClienteId || null,
    usuarioIds: f.usuarioIds,
    activo: f.activo,
  };
}

/** The form of a saved report. */
export function formularioDe(r: {
  nombre: string;
  frecuencia: string;
  diaSemana?: number | null;
  diaMes?: number | null;
  hora: string;
  grupoClienteId?: string | null;
  usuarioIds: string[];
  activo: boolean;
}): FormularioReporteEjecutivo {
  return {
    nombre: r.nombre,
    frecuencia: r.frecuencia === 'mensual' ? 'mensual' : 'semanal',
    diaSemana: r.diaSemana ?? 1,
    diaMes: r.diaMes ?? 1,
    hora: normalizarHora(r.hora) ?? '08:00',
    grupoClienteId: r.grupoClienteId ?? null,
    usuarioIds: r.usuarioIds,
    activo: r.activo,
  };
}

/** "Cada lunes a las 08:00", "El día 5 de cada mes a las 07:30", "El último día de cada mes a las 09:00" (hora de Santiago). */
export function describirProgramacion(r: {
  frecuencia: string;
  diaSemana?: number | null;
  diaMes?: number | null;
  hora: string;
}): string {
  const hora = normalizarHora(r.hora) ?? r.hora;
  if (r.frecuencia === 'semanal') return `Cada ${diasSemana[(r.diaSemana ?? 1) - 1] ?? '?'} a las ${hora}`;
  if (r.diaMes === 31) return `El último día de cada mes a las ${hora}`;
  return `El día ${r.diaMes ?? 1} de cada mes a las ${hora}`;
}
