import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, Polyline, TileLayer, Tooltip } from 'react-leaflet';

export interface PuntoMapa {
  id: string;
  nombre: string;
  posicion: [number, number];
  aproximado: boolean;
}

interface Props {
  inicio: [number, number] | null;
  puntos: PuntoMapa[];
}

/**
 * The route on a map: numbered vector markers joined in visiting order. The OpenStreetMap tiles need the internet; without
 * them the markers and the line still show on a blank background, and the ordered list beside the map is the same route.
 */
export function MapaRuta({ inicio, puntos }: Props) {
  const todos = [...(inicio ? [inicio] : []), ...puntos.map((p) => p.posicion)];
  const centro: [number, number] = todos[0] ?? [-33.45, -70.65];
  const limites = todos.length > 1 ? (todos as [number, number][]) : undefined;
  return (
    <div role="region" aria-label="Mapa de la ruta" style={{ height: 360, width: '100%' }}>
      <MapContainer
        key={todos.map((t) => t.join(',')).join(';')}
        center={centro}
        zoom={13}
        bounds={limites}
        boundsOptions={{ padding: [24, 24] }}
        style={{ height: '100%', width: '100%', background: '#eef2f5' }}
        scrollWheelZoom={false}
      >
        <TileLayer
          attribution="&copy; OpenStreetMap"
          url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
        />
        {inicio && (
          <CircleMarker center={inicio} radius={7} pathOptions={{ color: '#2b8a3e', fillOpacity: 0.9 }}>
            <Tooltip>Inicio</Tooltip>
          </CircleMarker>
        )}
        <Polyline positions={todos} pathOptions={{ color: '#1971c2', weight: 3 }} />
        {puntos.map((p, i) => (
          <CircleMarker
            key={p.id}
            center={p.posicion}
            radius={10}
            pathOptions={{
              color: p.aproximado ? '#e8590c' : '#1971c2',
              fillOpacity: 0.85,
              dashArray: p.aproximado ? '4' : undefined,
            }}
          >
            <Tooltip permanent direction="top">
              {i + 1}. {p.nombre}
              {p.aproximado ? ' (comuna)' : ''}
            </Tooltip>
          </CircleMarker>
        ))}
      </MapContainer>
    </div>
  );
}
