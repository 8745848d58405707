/** Parses pasted UF values: one `fecha;valor` per line, date `dd-mm-aaaa` or `aaaa-mm-dd`, value es-CL (`37.123,45`) or plain (`37123.45`). */
export function leerValoresUf(texto: string): {
  valores: { fecha: string; valor: number }[];
  errores: string[];
} {
  const valores: { fecha: string; valor: number }[] = [];
  const errores: string[] = [];
  texto.split(/\r?\n/).forEach((linea, i) => {
    const l = linea.trim();
    if (!l) return;
    const partes = (/[;\t]/.test(l) ? l.split(/[;\t]/) : l.split(/\s+/)).map((x) => x.trim());
    const [f, v] = partes;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f ?? '');
    const cl = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(f ?? '');
    const fecha = iso ? f : cl ? `${cl[3]}-${cl[2]}-${cl[1]}` : null;
    const crudo = (v ?? '').trim();
    const numero = crudo.includes(',') ? Number(crudo.replace(/\./g, '').replace(',', '.')) : Number(crudo);
    if (!fecha || !crudo || !Number.isFinite(numero) || numero <= 0) errores.push(`Línea ${i + 1}: «${l}»`);
    else valores.push({ fecha, valor: numero });
  });
  return { valores, errores };
}
