import { ApiError, aProblema } from '@/api/errors';
import { leerToken } from '@/lib/token';

/** The receipt's PDF (GET /api/v1/terreno/recibos/{id}/pdf). */
export async function reciboPdf(id: string): Promise<Blob> {
  const headers = new Headers();
  const token = leerToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const r = await fetch(`/api/v1/terreno/recibos/${id}/pdf`, { headers });
  if (!r.ok) throw new ApiError(r.status, aProblema(await r.json().catch(() => null), r.status));
  return r.blob();
}

/** Shares the PDF with the phone's share sheet (Web Share API) when it can take files; otherwise downloads it. */
export async function compartirRecibo(id: string, numero: number): Promise<'compartido' | 'descargado'> {
  const pdf = await reciboPdf(id);
  const nombre = `recibo-${numero}.pdf`;
  const archivo = new File([pdf], nombre, { type: 'application/pdf' });
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [archivo] })) {
    await navigator.share({ files: [archivo], title: `Recibo N° ${numero}` });
    return 'compartido';
  }
  const url = URL.createObjectURL(pdf);
  const a = document.createElement('a');
  a.href = url;
  a.download = nombre;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'descargado';
}
