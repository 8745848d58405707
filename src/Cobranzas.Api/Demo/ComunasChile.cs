namespace Cobranzas.Api.Demo;

public static class ComunasChile
{
    public static readonly (string Comuna, string Region)[] Todas =
    [
        ("Santiago", "Metropolitana"), ("Providencia", "Metropolitana"), ("Las Condes", "Metropolitana"), ("Maipú", "Metropolitana"),
        ("Puente Alto", "Metropolitana"), ("Quilicura", "Metropolitana"), ("Ñuñoa", "Metropolitana"), ("San Bernardo", "Metropolitana"),
        ("Valparaíso", "Valparaíso"), ("Viña del Mar", "Valparaíso"), ("Quilpué", "Valparaíso"), ("Rancagua", "O'Higgins"),
        ("Talca", "Maule"), ("Concepción", "Biobío"), ("Talcahuano", "Biobío"), ("Temuco", "La Araucanía"), ("Puerto Montt", "Los Lagos"),
        ("Antofagasta", "Antofagasta"), ("Calama", "Antofagasta"), ("Iquique", "Tarapacá"), ("Arica", "Arica y Parinacota"),
        ("La Serena", "Coquimbo"), ("Coquimbo", "Coquimbo"), ("Copiapó", "Atacama"), ("Punta Arenas", "Magallanes"), ("Valdivia", "Los Ríos"),
        ("Chillán", "Ñuble"), ("Coyhaique", "Aysén"),
    ];
}
