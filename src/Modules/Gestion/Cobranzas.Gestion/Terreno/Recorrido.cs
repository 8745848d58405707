namespace Cobranzas.Gestion.Terreno;

/// <summary>A place to visit: its id breaks ties so the same input always gives the same order.</summary>
public sealed record PuntoRecorrido(Guid Id, double Latitud, double Longitud);

/// <summary>
/// The visiting order of a day's route: nearest neighbour from the start point, then 2-opt on the open path (the route ends at
/// the last visit, it does not return). Deterministic: among equally near points the smaller id goes first, and 2-opt takes the
/// first improving reversal in index order until none is left. Distances on the sphere (haversine), in kilometres.
/// </summary>
public static class Recorrido
{
    private const double RadioTierraKm = 6371.0088;

    /// <summary>Below this a "shorter" reversal is rounding noise; ignoring it keeps 2-opt from looping on ties.</summary>
    private const double Mejora = 1e-9;

    public static double DistanciaKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double g) => g * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * RadioTierraKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The length of visiting the points in this order from the start (if any).</summary>
    public static double LargoKm((double Lat, double Lon)? inicio, IReadOnlyList<PuntoRecorrido> orden)
    {
        var total = 0.0;
        for (var i = 0; i < orden.Count; i++)
        {
            if (i == 0)
            {
                if (inicio is { } s)
                    total += DistanciaKm(s.Lat, s.Lon, orden[0].Latitud, orden[0].Longitud);
            }
            else
            {
                total += DistanciaKm(orden[i - 1].Latitud, orden[i - 1].Longitud, orden[i].Latitud, orden[i].Longitud);
            }
        }

        return total;
    }

    /// <summary>Nearest neighbour: from the start (or, without one, from the point with the smallest id) always to the closest unvisited point.</summary>
    public static List<PuntoRecorrido> VecinoMasCercano((double Lat, double Lon)? inicio, IReadOnlyList<PuntoRecorrido> puntos)
    {
        var pendientes = puntos.OrderBy(p => p.Id).ToList();
        var orden = new List<PuntoRecorrido>(pendientes.Count);
        if (pendientes.Count == 0)
            return orden;
        var (lat, lon) = inicio ?? (pendientes[0].Latitud, pendientes[0].Longitud);
        while (pendientes.Count > 0)
        {
            var mejor = 0;
            var mejorDistancia = double.MaxValue;
            for (var i = 0; i < pendientes.Count; i++)
            {
                var d = DistanciaKm(lat, lon, pendientes[i].Latitud, pendientes[i].Longitud);
                if (d < mejorDistancia - Mejora)
                {
                    mejor = i;
                    mejorDistancia = d;
                }
            }

            var p = pendientes[mejor];
            pendientes.RemoveAt(mejor);
            orden.Add(p);
            (lat, lon) = (p.Latitud, p.Longitud);
        }

        return orden;
    }

    /// <summary>2-opt on an open path with a fixed start: reverses orden[i..j] while that shortens the path.</summary>
    public static List<PuntoRecorrido> DosOpt((double Lat, double Lon)? inicio, IReadOnlyList<PuntoRecorrido> orden)
    {
        var ruta = orden.ToList();
        var n = ruta.Count;
        var mejoro = true;
        var vueltas = 0;
        while (mejoro && vueltas++ < 1000)
        {
            mejoro = false;
            for (var i = 0; i < n - 1 && !mejoro; i++)
            {
                for (var j = i + 1; j < n && !mejoro; j++)
                {
                    var antes = Tramo(inicio, ruta, i - 1, i) + (j + 1 < n ? Tramo(inicio, ruta, j, j + 1) : 0);
                    var despues = Tramo(inicio, ruta, i - 1, j) + (j + 1 < n ? Tramo(inicio, ruta, i, j + 1) : 0);
                    if (despues < antes - Mejora)
                    {
                        ruta.Reverse(i, j - i + 1);
                        mejoro = true;
                    }
                }
            }
        }

        return ruta;
    }

    /// <summary>The distance between position a (-1: the start point, or nothing without one) and position b.</summary>
    private static double Tramo((double Lat, double Lon)? inicio, List<PuntoRecorrido> ruta, int a, int b)
    {
        if (a < 0)
            return inicio is { } s ? DistanciaKm(s.Lat, s.Lon, ruta[b].Latitud, ruta[b].Longitud) : 0;
        return DistanciaKm(ruta[a].Latitud, ruta[a].Longitud, ruta[b].Latitud, ruta[b].Longitud);
    }

    public static List<PuntoRecorrido> Optimizar((double Lat, double Lon)? inicio, IReadOnlyList<PuntoRecorrido> puntos) =>
        DosOpt(inicio, VecinoMasCercano(inicio, puntos));
}
