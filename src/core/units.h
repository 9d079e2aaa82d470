// Units in names and types (../shared/STYLE.md): lengths are metres unless a name says `_mm`,
// angles are radians inside the model and degrees only at the edges (`_deg` in names, files,
// reports, UI). These helpers make every conversion explicit.
#pragma once

#include <numbers>

namespace sagitta {

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kGravity_m_s2 = 9.80665;  // standard gravity (CGPM 1901)

constexpr double degToRad(double deg) {
  return deg * kPi / 180.0;
}
constexpr double radToDeg(double rad) {
  return rad * 180.0 / kPi;
}
constexpr double mmToM(double mm) {
  return mm * 1e-3;
}
constexpr double mToMm(double m) {
  return m * 1e3;
}

// An angle with its unit in the type, for interfaces where mixing them up is easy.
class Angle {
 public:
  constexpr Angle() = default;
  static constexpr Angle radians(double r) { return Angle(r); }
  static constexpr Angle degrees(double d) { return Angle(degToRad(d)); }
  constexpr double rad() const { return rad_; }
  constexpr double deg() const { return radToDeg(rad_); }
  constexpr Angle operator+(Angle o) const { return Angle(rad_ + o.rad_); }
  constexpr Angle operator-(Angle o) const { return Angle(rad_ - o.rad_); }
  constexpr Angle operator-() const { return Angle(-rad_); }
  constexpr Angle operator*(double s) const { return Angle(rad_ * s); }
  constexpr auto operator<=>(const Angle&) const = default;

 private:
  constexpr explicit Angle(double r) : rad_(r) {}
  double rad_ = 0.0;
};

}  // namespace sagitta
